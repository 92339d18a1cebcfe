"""The "Instructors" group and the permissions it grants.

One idempotent function, called by the data migration and by tests (transactional
and live-server tests empty the tables that migrations filled).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

INSTRUCTORS_GROUP = "Instructors"

# app label -> model -> actions the group may take.
INSTRUCTOR_PERMISSIONS = {
    "elearning": {
        "course": ("add", "change", "delete", "view"),
        "lesson": ("add", "change", "delete", "view"),
        "glossaryterm": ("add", "change", "delete", "view"),
        "enrolment": ("view",),
        "lessonprogress": ("view",),
        "user": ("view",),
        "questionsource": ("add", "change", "delete", "view"),
        # Issued by completion only, never deleted: instructors read, revoke and reissue.
        "certificate": ("view", "change"),
        # Drafting runs are started from the lessons' action; instructors read them.
        "draftrun": ("view",),
        "draftsource": ("view",),
        # Her classes: she creates them, shares their codes and adds learners.
        "cohort": ("add", "change", "view"),
        "cohortmembership": ("add", "change", "delete", "view"),
    },
    "quiz": {
        # A course's bank comes with the course; deleting one is the superuser's.
        "bank": ("add", "change", "view"),
        "quiz": ("add", "change", "delete", "view"),
        "quizquestion": ("add", "change", "delete", "view"),
        "question": ("add", "change", "delete", "view"),
        "choice": ("add", "change", "delete", "view"),
        "category": ("add", "change", "delete", "view"),
        "drawrule": ("add", "change", "delete", "view"),
        "accommodation": ("add", "change", "delete", "view"),
        # Attempts and responses are the learners' record: instructors read them.
        "attempt": ("view",),
        "response": ("view",),
        # Proposed by the drafting engine: instructors accept (change) or reject them.
        "questiondraft": ("view", "change"),
    },
}


def ensure_instructors_group(apps=global_apps):
    """Create the group, or bring its permissions up to date; safe to call again."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_label in INSTRUCTOR_PERMISSIONS:
        # Permissions are normally created after migrations; make sure they exist now.
        app_config = apps.get_app_config(app_label)
        if getattr(app_config, "models_module", None) is None:
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)

    group, _ = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    codenames = [
        f"{action}_{model}"
        for models in INSTRUCTOR_PERMISSIONS.values()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(INSTRUCTOR_PERMISSIONS), codename__in=codenames
    )
    group.permissions.add(*permissions)
    return group
