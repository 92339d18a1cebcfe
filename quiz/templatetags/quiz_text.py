"""How the text of courses and questions is shown: French punctuation kept with its word."""

from django import template

from ..typography import keep_together as keep

register = template.Library()


@register.filter(is_safe=True)
def keep_together(text):
    """``text`` with no-break spaces before : ; ! ? % » and after « (quiz.typography), so that
    a line never starts with the sign. Escaped as usual: it only changes spaces."""
    return keep(str(text)) if text else text
