"""How clear a statement is on its own, which moves every draft made from it up or down the
list an instructor reviews: the first proposals should be the ones she keeps as they come.

A very short statement ranks lower: 'La crampe n'est pas brève' (brief compared to what?),
'Le GCS ne se compare pas' (with what?) leave out what makes them precise."""

SHORT = 6  # words


def clarity(statement):
    """A score to add to the drafts of `statement`: -0.4 for a statement of SHORT words or
    fewer, else 0."""
    words = [t for t in statement.span if not t.is_punct]
    return -0.4 if len(words) <= SHORT else 0.0
