"""Whole result sets as rows: one record per article, for CSV, JSON Lines and feeds.

Records are built batch by batch from an ordered list of ids (``batches``): each batch is one
query for the articles (without their text) and one for their mentions, so memory holds one
batch of rows at a time, never the whole result set.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from django.db.models import Prefetch

from archive.models import Article, Entity, Mention
from archive.safe_url import safe_url

BATCH_SIZE = 1000
CHUNK_CHARS = 64 * 1024  # what a streamed response sends at a time
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


def articles_with_actors(ids: list[int], text: bool = True) -> list[Article]:
    """The articles of ``ids`` in that order, with source and mentions (entities joined)."""
    mentions = Prefetch("mentions", queryset=Mention.objects.select_related("entity"))
    rows = Article.objects.filter(pk__in=ids).select_related("source")
    by_id = {a.pk: a for a in (rows if text else rows.defer("body")).prefetch_related(mentions)}
    return [by_id[pk] for pk in ids if pk in by_id]  # deleted since the index sync


class EntityNames:
    """Entity id → (kind column, canonical id, name), read once per entity and kept."""

    def __init__(self):
        self.known: dict[int, tuple[str, str, str]] = {}

    def __call__(self, pks) -> dict[int, tuple[str, str, str]]:
        missing = set(pks) - self.known.keys()
        columns = dict(KIND_COLUMNS)
        for pk, kind, slug, code, name in Entity.objects.filter(pk__in=missing).values_list(
            "pk", "kind", "slug", "code", "name"
        ):
            value = code if kind == Entity.Kind.COUNTRY and code else slug
            self.known[pk] = (columns[kind], value, name)
        return self.known


ARTICLE_FIELDS = ("pk", "url", "title", "source__name", "published", "language")


def batches(ids: list[int], size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    """Records of ``ids`` in that order, ``size`` at a time: two queries a batch (articles
    without their text, then their mentions), entity names cached across batches."""
    names = EntityNames()
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        rows = Article.objects.filter(pk__in=chunk).values_list(*ARTICLE_FIELDS)
        by_id = {row[0]: record(*row) for row in rows}
        pairs = list(
            Mention.objects.filter(article_id__in=chunk).values_list("article_id", "entity_id")
        )
        entities = names(pk for _, pk in pairs)
        for article_id, entity_id in pairs:
            column, value, name = entities[entity_id]
            by_id[article_id][column].append({"id": value, "name": name})
        yield [sort_actors(by_id[pk]) for pk in chunk if pk in by_id]


def record(pk, url, title, outlet, published, language) -> dict:
    """One article as plain data; its actors are added by ``batches``."""
    data = {
        "id": pk,
        "url": safe_url(url) or "",
        "title": title,
        "outlet": outlet or "",
        "published": utc_iso(published),
        "language": language,
    }
    data.update((plural, []) for _, plural in KIND_COLUMNS)
    return data


def sort_actors(data: dict) -> dict:
    for _, plural in KIND_COLUMNS:
        data[plural].sort(key=lambda actor: (actor["name"].lower(), actor["id"]))
    return data


def records(ids: list[int], size: int = BATCH_SIZE) -> Iterator[dict]:
    for batch in batches(ids, size):
        yield from batch


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
    """The header, then the CSV lines of the records, in chunks of about ``CHUNK_CHARS``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for data in rows:
        writer.writerow(csv_cells(data))
        if buffer.tell() >= CHUNK_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterable[dict]) -> Iterator[str]:
    """One JSON object per line, in chunks of about ``CHUNK_CHARS``."""
    chunk, size = [], 0
    for data in rows:
        chunk.append(json.dumps(data, ensure_ascii=False) + "\n")
        size += len(chunk[-1])
        if size >= CHUNK_CHARS:
            yield "".join(chunk)
            chunk, size = [], 0
    yield "".join(chunk)


FORMATS = {"csv": csv_lines, "jsonl": jsonl_lines}
