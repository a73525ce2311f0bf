"""Near-duplicate grouping: versions of one story, not stories that share a template."""

from django.test import TestCase

from archive.ingest.document import content_hash
from archive.ingest.near_duplicates import link_near_duplicates
from archive.models import Article

STORY = " ".join(
    f"Paragraph {i} reports that the negotiators in Panmunjom met for {i + 2} hours on "
    f"the armistice line and agreed to continue their work the following week."
    for i in range(10)
)


def article(body: str) -> Article:
    created = Article.objects.create(title="t", body=body, content_hash=content_hash(body))
    link_near_duplicates(created)
    created.refresh_from_db()
    return created


def edit(text: str, *numbers: int) -> str:
    for n in numbers:
        text = text.replace(f"Paragraph {n} reports", f"Section {n} states")
    return text


class NearDuplicateTests(TestCase):
    def test_a_lightly_edited_copy_joins_the_first_version(self):
        first = article(STORY)
        copy = article(edit(STORY, 3) + " More talks are planned.")
        self.assertIsNone(first.version_of)
        self.assertEqual(copy.version_of, first)

    def test_formulaic_reports_of_different_events_stay_apart(self):
        template = (
            "A delegation of the {} led by its chairman {} Pyongyang on {}. "
            "It was {} at the airport by officials concerned."
        )
        arrives = article(
            template.format("Mongolian People's Party", "arrived in", "Monday", "greeted")
        )
        leaves = article(template.format("Mongolian People's Party", "left", "Friday", "seen off"))
        self.assertIsNone(arrives.version_of)
        self.assertIsNone(leaves.version_of)

    def test_a_group_does_not_drift_by_chaining_edits(self):
        first = article(STORY)
        second = article(edit(STORY, 1, 2, 3))
        third = article(edit(STORY, 1, 2, 3, 4, 5, 6, 7))  # close to the second, not the first
        self.assertEqual(second.version_of, first)
        self.assertIsNone(third.version_of)
