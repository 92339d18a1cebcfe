"""Small reads by primary key in SQL, for the requests made most often.

Django's ORM spends most of a small query's cost building and compiling it (about
0.25 ms a query here, against about 0.1 ms for the query itself and its rows). The few
reads that every hot request makes (the logged-in user, a quiz attempt) are written in
SQL once, with parameters, and give back the same model instances as the ORM would,
with the same conversions of the database's values. ``bench/README.md`` has the figures.
Everything else goes through the ORM.
"""

from django.db import connection
from django.db.models.sql import Query


class SqlRead:
    """One SQL read and how to convert its rows, built once per database alias.

    ``build`` returns the SQL (placeholders ``%s``) and, per column, the model field whose
    conversion the values need, or None to keep a column as the database returns it.
    """

    def __init__(self, build):
        self.build = build
        self.prepared = {}

    def rows(self, params):
        alias = connection.alias
        prepared = self.prepared.get(alias)
        if prepared is None:
            sql, fields = self.build()
            # The conversions Model.objects.raw() applies (dates on SQLite, JSON, decimals).
            compiler = connection.ops.compiler("SQLCompiler")(Query(None), connection, alias)
            columns = [field and field.get_col(field.model._meta.db_table) for field in fields]
            prepared = self.prepared[alias] = (sql, compiler, compiler.get_converters(columns))
        sql, compiler, converters = prepared
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return list(compiler.apply_converters(rows, converters)) if converters else rows


def instance(model, names, values):
    """A model instance from every concrete field's value, given in the order of ``names``."""
    by_name = dict(zip(names, values, strict=True))
    return model.from_db(
        connection.alias, None, [by_name[field.attname] for field in model._meta.concrete_fields]
    )


def table(model):
    return connection.ops.quote_name(model._meta.db_table)


def columns(alias, model, names):
    """``alias.column, ...`` for the fields ``names`` of ``model``."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(model._meta.get_field(name).column)}" for name in names)
