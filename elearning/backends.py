"""Authentication backend: Django's, with a cheaper load of the logged-in user.

Every logged-in request loads its user by primary key (``get_user``); it is the one
query all learner pages share. It is read in SQL (``quiz.sqlreads``), which skips the
ORM's compiler and gives back the same model instance.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connection

from quiz.sqlreads import SqlRead, table


def _user_by_pk():
    User = get_user_model()
    fields = User._meta.concrete_fields
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in fields)
    # Table and column names come from the model, the id is a query parameter.
    return (
        f"SELECT {names} FROM {table(User)} WHERE {quote(User._meta.pk.column)} = %s",
        list(fields),
    )


USER_BY_PK = SqlRead(_user_by_pk)


class LearnerBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        try:
            pk = User._meta.pk.to_python(user_id)
        except (ValidationError, TypeError, ValueError):
            return None  # a malformed id in a session: no user, as in Django's backend
        rows = USER_BY_PK.rows([pk])
        if not rows:
            return None
        user = User.from_db(connection.alias, None, rows[0])
        return user if self.user_can_authenticate(user) else None
