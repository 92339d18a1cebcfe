"""Bad input for every form, and the rules every answer to it keeps (test_fuzz_forms.py).

Strategies (hypothesis) for what a person, a script or a broken browser may post: empty,
huge (100 kB), control characters, NUL, bidirectional controls, mixed scripts, values just
over a field's limit; and ``Sent``, which posts one example and checks that the site never
answers 500, saves nothing from a form it refused, and never cuts an over-long value.
"""

import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.db import models, transaction
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# Few examples per form, always the same ones (derandomize: CI and a laptop see the same
# inputs), no per-example deadline (a 100 kB value takes its time to render), and no
# shrinking: a failing example is reported as it came (``describe`` keeps it short), at
# once, instead of after hundreds of requests spent making it smaller.
FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

# Pages without a form of their own get junk: a few examples are enough.
FEW = settings(FUZZ, max_examples=5)

HUGE_SIZE = 100_000
CONTROL = "".join(chr(c) for c in [*range(32), 127, *range(0x80, 0xA0)])
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeff"
SCRIPTS = [
    "Dupont",
    "Zoë",
    "e\u0301",  # decomposed: NFC makes one character of it
    "Ηλέκτρα",
    "Иванова",
    "محمد",
    "שרה",
    "李小龍",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "👩🏽‍⚕️",
    "ﷺ",
    "\u00a0",
    "'; DROP TABLE x; --",
    "<script>alert(1)</script>",
    "{{ 7|add:7 }}",
    "%s%(x)s",
]
# Built once: hypothesis would take a long time to grow 100 kB itself.
HUGE = [
    "a" * HUGE_SIZE,
    ("محمد Dupont 李 " * (HUGE_SIZE // 14))[:HUGE_SIZE],
    ("x\x00" * (HUGE_SIZE // 2)),
    ("\u202e" + "é" * HUGE_SIZE)[:HUGE_SIZE],
]
# Text: everything but lone surrogates (which no UTF-8 request can carry).
CHARACTERS = st.characters(exclude_categories=("Cs",))


def texts():
    """Any nasty text."""
    return st.one_of(
        st.just(""),
        st.sampled_from(["   ", "\t\n", "\u00a0", "\ufeff", "\u200b", "0", "-1", "None", "null"]),
        st.text(CHARACTERS, max_size=40),
        st.text(st.sampled_from(CONTROL + " a"), min_size=1, max_size=20),
        st.text(CHARACTERS, max_size=12).map(lambda s: f"{s}\x00{s}"),
        st.lists(st.sampled_from(SCRIPTS + list(BIDI)), min_size=1, max_size=8).map("".join),
        st.sampled_from(HUGE),
    )


def over_long(max_length):
    """Text a few characters longer than ``max_length``, of letters that no form strips
    or normalises away."""
    return st.builds(
        lambda letter, extra: letter * (max_length + extra),
        st.sampled_from(["a", "é", "李", "م"]),
        st.integers(1, 30),
    )


def numbers():
    return st.one_of(
        st.integers(-(2**70), 2**70).map(str),
        st.sampled_from(["1e400", "NaN", "Infinity", "-0", "1,5", "0x10", "٣", "１２"]),
    )


def values_for(form_field, offered=()):
    """What to post for ``form_field``: nasty text always, and values of its own kind
    (``offered``: ids or choices that exist) so that some examples reach further."""
    nasty = texts()
    if isinstance(form_field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        one = st.one_of(st.sampled_from(list(offered)), nasty) if offered else nasty
        return st.lists(one, max_size=3)
    if isinstance(form_field, forms.ChoiceField | forms.ModelChoiceField) and offered:
        return st.one_of(st.sampled_from(list(offered)), nasty, numbers())
    if isinstance(form_field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.one_of(numbers(), nasty)
    if isinstance(form_field, forms.BooleanField):
        return st.one_of(st.sampled_from(["on", "", "true", "false"]), nasty)
    if isinstance(form_field, forms.EmailField):
        return st.one_of(st.emails().map(str), nasty, over_long(form_field.max_length or 254))
    if isinstance(form_field, forms.CharField) and form_field.max_length:
        return st.one_of(nasty, over_long(form_field.max_length))
    return nasty


def offered_values(form_field, limit=3):
    """A few values the field offers (ids of objects, choices), as posted."""
    if isinstance(form_field, forms.ModelChoiceField):
        key = form_field.to_field_name or "pk"
        return [str(v) for v in form_field.queryset.values_list(key, flat=True)[:limit]]
    if isinstance(form_field, forms.ChoiceField):
        found = []
        for value, label in form_field.choices:
            if isinstance(label, list | tuple):  # a group
                found += [str(v) for v, _l in label]
            else:
                found.append(str(value))
        return [v for v in found if v][:10]
    return []


def form_strategy(form, prefix=None, fixed=None, valid=None):
    """A dictionary of posted values for every field of ``form`` (a form instance), keyed
    by their names as posted. With ``valid`` (good values by field name), each field is
    either its good value or a bad one, so that some examples pass the form with one bad
    value in it: where a value cut or saved wrongly would show."""
    fields, goods = {}, {}
    for name, form_field in form.fields.items():
        if isinstance(form_field, forms.FileField):
            continue
        key = form.add_prefix(name) if prefix is None else f"{prefix}-{name}"
        fields[key] = values_for(form_field, offered_values(form_field))
        if valid and valid.get(name) is not None:
            goods[key] = st.just(valid[name])
    fields.update({key: st.just(value) for key, value in (fixed or {}).items()})
    every_bad = st.fixed_dictionaries(fields)
    if not goods:
        return every_bad

    def one_bad(key):
        return st.fixed_dictionaries(
            {k: (v if k == key else goods.get(k, v)) for k, v in fields.items()}
        )

    return st.one_of(every_bad, st.sampled_from(sorted(fields)).flatmap(one_bad))


def junk():
    """Posted fields no view asked for."""
    return st.dictionaries(
        st.sampled_from(["next", "action", "id", "csrfmiddlewaretoken", "x", "\x00", "é"]),
        texts(),
        max_size=3,
    )


def uploads():
    """A file: random bytes or text, a random name and extension."""
    names = st.tuples(
        st.text(CHARACTERS.filter(lambda c: c not in '/\\"\r\n\x00'), max_size=20),
        st.sampled_from(
            ["", ".txt", ".md", ".html", ".htm", ".docx", ".gift", ".xml", ".pdf", ".exe", ".Txt"]
        ),
    ).map("".join)
    contents = st.one_of(
        st.binary(max_size=2000),
        texts().map(lambda s: s.encode("utf-8")),
        st.sampled_from(
            [
                b"",
                b"PK\x03\x04" + b"\x00" * 100,  # the start of a zip (a .docx) and nothing else
                b"<?xml version='1.0'?><!DOCTYPE q [<!ENTITY a 'aaaa'>]><quiz>&a;</quiz>",
                b"::Q:: 2+2 = {=4 ~3}",
                b"\xff\xfe\x00\x00broken",
                "# Titre\n\n## Leçon\n\nTexte é\u202e.\n".encode(),
                b"\x00" * 5000,
            ]
        ),
    )
    return st.tuples(names, contents)


def project_models():
    return [
        model
        for app in ("elearning", "quiz", "auth")
        for model in apps.get_app_config(app).get_models()
    ]


def row_counts():
    """Rows of every model of the site's own apps (and of Django's auth): what a refused
    form must leave as it was."""
    return {model._meta.label: model._default_manager.count() for model in project_models()}


def describe(data):
    """An example, short enough to read in a failure."""

    def short(value):
        if isinstance(value, list | tuple):
            return [short(v) for v in value]
        if isinstance(value, str) and len(value) > 80:
            return f"{value[:40]!r}...({len(value)} chars)"
        return value

    return {key: short(value) for key, value in data.items()}


def is_over_long(value, max_length):
    """Longer than ``max_length`` however a form may strip or compose it."""
    if not isinstance(value, str):
        return False
    return len(" ".join(unicodedata.normalize("NFC", value).split())) > max_length


def char_limits(model):
    """The model's text fields with a limit: {name: max_length}."""
    return {
        f.name: f.max_length
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField) and f.max_length
    }


def check_not_cut(obj, posted):
    """No text field of ``obj`` holds more than its limit (a value accepted whole), nor the
    start of a longer value posted for it (a value cut). A field the form ignores (a
    read-only one) holds neither."""
    obj.refresh_from_db()
    for name, max_length in char_limits(type(obj)).items():
        value, stored = posted.get(name), getattr(obj, name)
        if not isinstance(value, str) or not isinstance(stored, str) or not stored:
            continue
        assert len(stored) <= max_length, (
            f"{type(obj).__name__}.{name}: a value of {len(stored)} characters (limit "
            f"{max_length}) was accepted"
        )
        composed = " ".join(unicodedata.normalize("NFC", value).split())
        if is_over_long(value, max_length):
            assert not (composed.startswith(stored) or value.startswith(stored)), (
                f"{type(obj).__name__}.{name}: a value of {len(value)} characters was stored "
                f"cut to {len(stored)} (limit {max_length})"
            )


@dataclass
class Sent:
    """One request of an example, sent and checked: never a 500; when the answer is not a
    redirect (what a form does on success), no row added or removed anywhere; and, when
    ``unchanged`` objects are given, none of them changed."""

    response: object = None
    before: dict = field(default_factory=dict)

    @classmethod
    def post(cls, client, url, data, unchanged=(), method="post", records=(), **extra):
        """``records``: labels of the models a refused request is meant to write to (the
        failed lookups a throttle counts)."""
        before = without(row_counts(), records)
        snapshots = [(obj, snapshot(obj)) for obj in unchanged]
        send = getattr(client, method)
        try:
            with transaction.atomic():  # a database error must not poison the example
                response = send(url, data, **extra)
        except Exception as error:  # the client raises what the view raised
            raise AssertionError(
                f"{method.upper()} {url} raised {error!r} with {describe(data)}"
            ) from error
        assert response.status_code < 500, (
            f"{method.upper()} {url} answered {response.status_code} with {describe(data)}"
        )
        if response.status_code not in (301, 302, 303):
            assert without(row_counts(), records) == before, (
                f"{method.upper()} {url} answered {response.status_code} but saved rows, "
                f"with {describe(data)}"
            )
            for obj, values in snapshots:
                assert snapshot(obj) == values, (
                    f"{method.upper()} {url} answered {response.status_code} but changed "
                    f"{obj!r}, with {describe(data)}"
                )
        return cls(response=response, before=before)

    @property
    def status(self):
        return self.response.status_code

    @property
    def redirected(self):
        return self.status in (301, 302, 303)


def without(counts, labels):
    return {label: count for label, count in counts.items() if label not in labels}


def snapshot(obj):
    row = type(obj)._default_manager.filter(pk=obj.pk).values().first()
    return row
