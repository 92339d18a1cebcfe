from django.core.management.base import BaseCommand, CommandError

from backups.database import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_database into the configured database, which "
        "must be empty (a new SQLite file, or a PostgreSQL database just created)."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the backup file (.sqlite3 or .dump)")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, backup, database="default", **options):
        try:
            restore(backup, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {backup}.")
