"""Queue index updates with the change itself; only management commands write the index.

Web workers (admin edits, merges) never open a Whoosh writer: they record which articles
changed, and ``sync_index`` (also run by ``ingest`` and ``reextract``) applies the queue.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from archive.models import Article, IndexQueue, Mention


def queue_articles(article_ids) -> None:
    """Mark articles as needing (re)indexing, in the current transaction: the queue entry
    exists exactly when the change it announces was committed."""
    ids = {int(i) for i in article_ids if i}
    if ids:
        # A queued article queued again gets the later time: an index sync that read it
        # before this change then leaves it queued (search/sync.py).
        now = timezone.now()
        IndexQueue.objects.bulk_create(
            [IndexQueue(article_id=i, queued=now) for i in ids],
            update_conflicts=True,
            unique_fields=["article_id"],
            update_fields=["queued"],
        )


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def article_changed(sender, instance, **kwargs):
    queue_articles([instance.pk])


@receiver(post_save, sender=Mention)
@receiver(post_delete, sender=Mention)
def mention_changed(sender, instance, **kwargs):
    queue_articles([instance.article_id])
