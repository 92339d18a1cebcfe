"""The shipped course's one apostrophe reaches databases that loaded it before: the data
migration writes ’ in every text of the shipped course, changes no word and nothing else."""

import importlib

import pytest
from django.apps import apps as django_apps

from elearning.content import load_question_bank
from elearning.versions import content_version
from tests.bank import load_with_straight_apostrophes

pytestmark = pytest.mark.django_db

migration = importlib.import_module("elearning.migrations.0019_shipped_content_apostrophes")


def shipped_texts():
    """Every text the migration looks after, as stored now, by model, object and field."""
    texts = {}
    for (app, name), (fields, to_course) in migration.TEXTS.items():
        model = django_apps.get_model(app, name)
        for instance in model.objects.filter(**{to_course: migration.SHIPPED_COURSE}):
            for field in fields:
                texts[(name, instance.pk, field)] = getattr(instance, field)
    return texts


def test_the_migration_writes_the_shipped_course_as_it_now_ships(shipped_course, make_course):
    load_question_bank()
    as_loaded = shipped_texts()
    assert sum("’" in text for text in as_loaded.values()) > 200
    load_with_straight_apostrophes()
    assert sum("'" in text for text in shipped_texts().values()) > 200
    other = make_course(title="Le cours d'une autre école")
    before = content_version()

    migration.curly_apostrophes(django_apps, None)

    assert shipped_texts() == as_loaded
    other.refresh_from_db()
    assert other.title == "Le cours d'une autre école"  # not the shipped course: not ours
    assert content_version() > before  # cached pages show the change at once


def test_the_migration_leaves_a_database_as_it_ships_alone(shipped_course):
    load_question_bank()
    as_loaded, before = shipped_texts(), content_version()
    migration.curly_apostrophes(django_apps, None)
    assert shipped_texts() == as_loaded
    assert content_version() == before
