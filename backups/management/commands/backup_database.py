from django.core.management.base import BaseCommand, CommandError

from backups.database import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite's online backup, or pg_dump's custom format) into "
        "ELEARNING_BACKUP_DIR or --output-dir; prints the backup's path."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="where to write it (default: BACKUP_DIR)")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, output_dir=None, database="default", **options):
        try:
            path = backup(output_dir, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        return str(path)
