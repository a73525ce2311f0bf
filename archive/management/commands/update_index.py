"""python manage.py update_index — haystack's command, routed through the index queue.

haystack's own ``update_index`` writes the index directly, around the queue that
``sync_index`` applies; here it is ``sync_index`` under haystack's name.
"""

from archive.management.commands.sync_index import Command as SyncIndexCommand


class Command(SyncIndexCommand):
    help = "Same as sync_index: apply queued index changes (haystack's options do not apply)."
