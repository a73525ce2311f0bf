"""python manage.py rebuild_index — haystack's command, routed to ``sync_index --rebuild``.

haystack's own ``rebuild_index`` deletes the index directory and writes it around the queue
(searches find nothing meanwhile); ``sync_index --rebuild`` replaces it in one commit.
"""

from archive.management.commands.sync_index import Command as SyncIndexCommand


class Command(SyncIndexCommand):
    help = "Same as sync_index --rebuild: re-index every article in one commit."

    def add_arguments(self, parser):
        pass

    def handle(self, **options):
        super().handle(rebuild=True)
