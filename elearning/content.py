"""The shipped content: loading fixtures without overwriting an instructor's edits.

``loaddata`` would overwrite every object it finds by natural key. A school's
instructors edit the shipped course in the admin, and a second ``make run`` must
keep those edits: so an object that already exists (matched by its natural key)
is left as it is, and only what is missing is created.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.db import transaction

SHIPPED_FIXTURES = [Path(settings.BASE_DIR) / "fixtures" / "course-secousses-dans-la-jambe.json"]


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)


@transaction.atomic
def load_missing(paths=None):
    """Create the fixtures' objects that do not exist yet; keep the others untouched."""
    report = LoadReport()
    for path in paths or SHIPPED_FIXTURES:
        with open(path, encoding="utf-8") as stream:
            for deserialized in serializers.deserialize(
                "json", stream, handle_forward_references=True
            ):
                instance = deserialized.object
                label = f"{instance._meta.label}: {instance}"
                # The deserializer resolves natural keys: a pk means the object exists.
                if (
                    instance.pk is not None
                    and type(instance)._default_manager.filter(pk=instance.pk).exists()
                ):
                    report.kept.append(label)
                    continue
                deserialized.save()
                report.created.append(label)
    return report
