"""python manage.py clear_index — refused: the index changes only through ``sync_index``."""

from django.core.management.base import BaseCommand, CommandError

REFUSAL = (
    "clear_index is disabled: the index is written only by sync_index. "
    "Run `manage.py sync_index` to apply queued changes, or "
    "`manage.py sync_index --rebuild` to re-index every article."
)


class Command(BaseCommand):
    help = "Disabled (use sync_index --rebuild): an empty index would serve no searches."

    def handle(self, **options):
        raise CommandError(REFUSAL)
