"""Whole result sets as rows: one record per article, for CSV, JSON Lines and feeds.

Records are built batch by batch from an ordered list of ids (``batches``): each batch is one
query for the articles (without their text) and one for their mentions, so memory holds one
batch of rows at a time, never the whole result set.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from django.db.models import Prefetch

from archive.models import Article, Entity, Mention

try:
    from archive.safe_url import safe_url
except ImportError:  # until the security branch (archive/safe_url.py) is merged

    def safe_url(value):
        text = value.strip() if isinstance(value, str) else ""
        return text if re.match(r"(?i)https?://[^/\s]", text) else None


BATCH_SIZE = 1000
KIND_COLUMNS = (
    (Entity.Kind.PERSON, "persons"),
    (Entity.Kind.COUNTRY, "countries"),
    (Entity.Kind.ORGANIZATION, "organizations"),
)
CSV_COLUMNS = (
    "id",
    "url",
    "title",
    "outlet",
    "published",
    "language",
    *(f"{plural}{suffix}" for _, plural in KIND_COLUMNS for suffix in ("", "_names")),
)
LIST_SEPARATOR = "; "
# A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def batches(ids: list[int], size: int = BATCH_SIZE, text=False) -> Iterator[list[Article]]:
    """The articles of ``ids`` in that order, ``size`` at a time, with source and actors;
    their body only if ``text``."""
    mentions = Prefetch("mentions", queryset=Mention.objects.select_related("entity"))
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        rows = Article.objects.filter(pk__in=chunk).select_related("source")
        rows = (rows if text else rows.defer("body")).prefetch_related(mentions)
        by_id = {article.pk: article for article in rows}
        yield [by_id[pk] for pk in chunk if pk in by_id]  # deleted since the index sync


def actors_by_kind(article: Article) -> dict[str, list[Entity]]:
    """The article's entities per kind column, by name."""
    found = {plural: [] for _, plural in KIND_COLUMNS}
    columns = dict(KIND_COLUMNS)
    for mention in article.mentions.all():
        found[columns[mention.entity.kind]].append(mention.entity)
    return {plural: sorted(ents, key=lambda e: e.name.lower()) for plural, ents in found.items()}


def record(article: Article) -> dict:
    """One article as plain data: canonical ids (slugs, ISO codes) and names of its actors."""
    data = {
        "id": article.pk,
        "url": safe_url(article.url) or "",
        "title": article.title,
        "outlet": article.source.name if article.source_id else "",
        "published": utc_iso(article.published),
        "language": article.language,
    }
    for plural, entities in actors_by_kind(article).items():
        data[plural] = [{"id": e.facet_value, "name": e.name} for e in entities]
    return data


def records(ids: list[int]) -> Iterator[dict]:
    for batch in batches(ids):
        yield from (record(article) for article in batch)


def utc_iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def spreadsheet_safe(value) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets a ``'``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cells(data: dict) -> list[str]:
    cells = {key: data[key] for key in CSV_COLUMNS[:6]}
    for _, plural in KIND_COLUMNS:
        cells[plural] = LIST_SEPARATOR.join(e["id"] for e in data[plural])
        cells[f"{plural}_names"] = LIST_SEPARATOR.join(e["name"] for e in data[plural])
    return [spreadsheet_safe(cells[key]) for key in CSV_COLUMNS]


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    """The header, then one CSV line per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for data in rows:
        writer.writerow(csv_cells(data))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterable[dict]) -> Iterator[str]:
    for data in rows:
        yield json.dumps(data, ensure_ascii=False) + "\n"


FORMATS = {"csv": csv_lines, "jsonl": jsonl_lines}
