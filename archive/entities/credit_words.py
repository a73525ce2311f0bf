"""The words of credit lines ("Reporting by …", "Photo: …"), one list for the two rules that
read them. The rules differ in purpose, so each keeps its own pattern around these words:

- ingest *cuts* a credit line: a whole line closing a body (``ingest/data/credits.txt`` through
  ``furniture.is_credit``, ``lines.is_credit_line``, ``lines.is_picture_credit``) leaves the
  stored body, and the names it credits become the author (``authors.authors_from_byline``);
- entities *excludes* a credit: wherever it stands in a body, its characters name no actor
  (``entities.credits.credit_ranges``); the stored body is not changed.

A leaf module (no imports), so ingest can share it without loading the entity pipeline.
"""

from __future__ import annotations

# "<role> by …" opens a credit line in both rules ("Reporting by", "Editing by"); both also
# accept "Additional reporting by". Ingest cuts closing "Edited by"/"Produced by" lines too.
CREDIT_ROLES = ("reporting", "writing", "written", "editing", "compiled")
# The roles whose names are the article's authors ("Reporting by A; Editing by B" names A only).
AUTHOR_ROLES = ("reporting", "writing")
# "<label>: …" labels a picture credit ("Photo: AP", "Photograph: Jane Doe/Getty Images").
PICTURE_LABELS = ("photo", "photograph", "picture", "image")


def alternation(words: tuple[str, ...]) -> str:
    """The words as a regular-expression alternation, without a group."""
    return "|".join(words)
