"""How clear a statement is on its own, which moves every draft made from it up or down the
list an instructor reviews: the first proposals should be the ones she keeps as they come.

A very short statement ranks lower: 'La crampe n'est pas brève' (brief compared to what?),
'Le GCS ne se compare pas' (with what?) leave out what makes them precise. So does one that
goes on after a colon ('survient au repos : le soir avant l'endormissement, en position
assise prolongée'): what follows adds claims that 'Vrai' or 'Faux' must cover too."""

SHORT = 6  # words


def clarity(statement):
    """A score to add to the drafts of `statement`: 0 for a plain one, less for one of
    SHORT words or fewer, or one that goes on after a colon."""
    words = [t for t in statement.span if not t.is_punct]
    weight = -0.4 if len(words) <= SHORT else 0.0
    if any(t.text == ":" for t in statement.span):
        weight -= 0.3
    return weight
