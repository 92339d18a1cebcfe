"""What the admin's modules share."""

from config.admin import ModelAdmin


class ReadOnlyAdmin(ModelAdmin):
    """A record instructors read and never edit in the admin: learners' progress, drafting
    runs, certificates (which only the certificate actions change)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
