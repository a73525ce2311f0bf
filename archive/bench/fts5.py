"""The scale benchmark's reference: the same articles and actors in SQLite FTS5.

A deliberately plain implementation of each page of the benchmark mix (hits, count, facet
counts, snippets for the shown hits; home, actor page, actor list), so that every Peninsula
figure is printed beside what a well-known embedded full-text engine does on the same data
and machine in the same run. Built from the archive's own database rows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from archive.models import Article, Mention
from archive.search.vocabulary import FACETS

EPOCH = date(1970, 1, 1)
FIELD_FOR_KIND = {facet.kind: facet.field for facet in FACETS if facet.kind}
PAGE_SIZE = 20
PANEL_SIZE = 12
WORD_RE = re.compile(r'"([^"]+)"|(\S+)')
BATCH = 2000

SCHEMA = """
CREATE TABLE art (id INTEGER PRIMARY KEY, day INTEGER, month TEXT, source TEXT, title TEXT);
CREATE INDEX art_day ON art(day, id);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61');
CREATE TABLE actor (article_id INTEGER, field TEXT, value TEXT);
CREATE INDEX actor_value ON actor(field, value, article_id);
CREATE INDEX actor_article ON actor(article_id);
"""


@dataclass
class Request:
    """The reference's reading of one search URL's parameters."""

    q: str = ""
    filters: list[tuple[str, str]] = field(default_factory=list)
    day_from: int | None = None
    day_to: int | None = None
    sort: str = "relevance"
    page: int = 1


def day_number(value: date) -> int:
    return (value - EPOCH).days


def build(path: Path) -> sqlite3.Connection:
    """A fresh reference database at ``path`` holding every stored article and mention."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    rows = Article.objects.select_related("source").order_by("pk")
    batch = []
    for article in rows.iterator(chunk_size=BATCH):
        batch.append(article)
        if len(batch) == BATCH:
            _insert_articles(db, batch)
            batch = []
    _insert_articles(db, batch)
    mentions = Mention.objects.values_list(
        "article_id", "entity__kind", "entity__slug", "entity__code"
    )
    db.executemany(
        "INSERT INTO actor VALUES (?, ?, ?)",
        (
            (a, FIELD_FOR_KIND[kind], code if kind == "country" else slug)
            for a, kind, slug, code in mentions.iterator(chunk_size=BATCH)
            if kind in FIELD_FOR_KIND
        ),
    )
    db.commit()
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.commit()
    return db


def _insert_articles(db, articles) -> None:
    db.executemany(
        "INSERT INTO art VALUES (?, ?, ?, ?, ?)",
        [
            (
                a.pk,
                day_number(a.published.date()) if a.published else None,
                a.published.strftime("%Y-%m") if a.published else None,
                a.source.slug if a.source else None,
                a.title,
            )
            for a in articles
        ],
    )
    db.executemany(
        "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)",
        [(a.pk, a.title, a.body) for a in articles],
    )


def match_expression(q: str) -> str:
    """Words and "phrases" as an FTS5 expression (every part quoted: no syntax from input)."""
    parts = []
    for phrase, word in WORD_RE.findall(q):
        text = (phrase or word).replace('"', " ").strip()
        if text:
            parts.append('"' + text + '"')
    return " AND ".join(parts)


def search(db: sqlite3.Connection, request: Request) -> tuple[int, list, dict]:
    """Count, one page of (id, title, snippet) and facet counts, like the search page."""
    where, args = _conditions(request)
    db.execute("DROP TABLE IF EXISTS temp.hits")
    db.execute(
        f"CREATE TEMP TABLE hits AS SELECT art.id AS id, art.day AS day FROM art {where}", args
    )
    count = db.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
    page = _page(db, request)
    return count, page, _facets(db)


def _conditions(request: Request) -> tuple[str, list]:
    clauses, args = [], []
    expression = match_expression(request.q)
    if expression:
        clauses.append("art.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
        args.append(expression)
    for field_name, value in request.filters:
        if field_name == "source":
            clauses.append("art.source = ?")
            args.append(value)
        else:
            clauses.append("art.id IN (SELECT article_id FROM actor WHERE field = ? AND value = ?)")
            args += [field_name, value]
    if request.day_from is not None:
        clauses.append("art.day >= ?")
        args.append(request.day_from)
    if request.day_to is not None:
        clauses.append("art.day <= ?")
        args.append(request.day_to)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def _page(db, request: Request) -> list:
    offset = (request.page - 1) * PAGE_SIZE
    expression = match_expression(request.q)
    if expression and request.sort == "relevance":
        rows = db.execute(
            "SELECT fts.rowid, fts.title, snippet(fts, 1, '<mark>', '</mark>', '…', 24) "
            "FROM fts JOIN temp.hits ON hits.id = fts.rowid WHERE fts MATCH ? "
            "ORDER BY bm25(fts) LIMIT ? OFFSET ?",
            (expression, PAGE_SIZE, offset),
        )
        return rows.fetchall()
    direction = "ASC" if request.sort == "oldest" else "DESC"
    ids = [
        r[0]
        for r in db.execute(
            f"SELECT id FROM temp.hits ORDER BY day IS NULL, day {direction}, id {direction} "
            "LIMIT ? OFFSET ?",
            (PAGE_SIZE, offset),
        )
    ]
    return _with_snippets(db, ids, expression)


def _with_snippets(db, ids: list[int], expression: str) -> list:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    if expression:
        sql = (
            "SELECT rowid, title, snippet(fts, 1, '<mark>', '</mark>', '…', 24) FROM fts "
            f"WHERE fts MATCH ? AND rowid IN ({marks})"
        )
        return db.execute(sql, [expression, *ids]).fetchall()
    sql = f"SELECT rowid, title, substr(body, 1, 200) FROM fts WHERE rowid IN ({marks})"
    return db.execute(sql, ids).fetchall()


def _facets(db) -> dict:
    facets = {}
    rows = db.execute(
        "SELECT field, value, count(*) AS n FROM actor JOIN temp.hits ON hits.id = actor.article_id "
        "GROUP BY field, value"
    )
    for field_name, value, n in rows:
        facets.setdefault(field_name, []).append((n, value))
    for column in ("source", "month"):
        facets[column] = db.execute(
            f"SELECT count(*), art.{column} FROM art JOIN temp.hits ON hits.id = art.id "
            f"WHERE art.{column} IS NOT NULL GROUP BY art.{column}"
        ).fetchall()
    return {name: sorted(values, reverse=True)[:PANEL_SIZE] for name, values in facets.items()}


def home(db) -> tuple:
    """Latest articles, the most-mentioned actors of each kind, articles per month."""
    latest = db.execute(
        "SELECT id, title FROM art ORDER BY day IS NULL, day DESC, id DESC LIMIT 10"
    ).fetchall()
    top = {
        name: db.execute(
            "SELECT value, count(*) AS n FROM actor WHERE field = ? GROUP BY value "
            "ORDER BY n DESC LIMIT 8",
            (name,),
        ).fetchall()
        for name in FIELD_FOR_KIND.values()
    }
    months = db.execute(
        "SELECT month, count(*) FROM art WHERE month IS NOT NULL GROUP BY month ORDER BY month"
    ).fetchall()
    return latest, top, months


def actor_page(db, field_name: str, value: str) -> tuple:
    """One actor's newest articles, its mentions per month and its co-mentioned actors."""
    ids = "SELECT article_id FROM actor WHERE field = ? AND value = ?"
    latest = db.execute(
        f"SELECT id, title FROM art WHERE id IN ({ids}) ORDER BY day IS NULL, day DESC, id DESC "
        "LIMIT 20",
        (field_name, value),
    ).fetchall()
    months = db.execute(
        f"SELECT month, count(*) FROM art WHERE id IN ({ids}) AND month IS NOT NULL GROUP BY month",
        (field_name, value),
    ).fetchall()
    co = db.execute(
        f"SELECT field, value, count(DISTINCT article_id) AS n FROM actor WHERE article_id IN "
        f"({ids}) AND NOT (field = ? AND value = ?) GROUP BY field, value ORDER BY n DESC LIMIT 15",
        (field_name, value, field_name, value),
    ).fetchall()
    return latest, months, co


def actor_list(db) -> list:
    """The most-mentioned actors of each kind with their article counts."""
    return [
        db.execute(
            "SELECT value, count(DISTINCT article_id) AS n FROM actor WHERE field = ? "
            "GROUP BY value ORDER BY n DESC LIMIT 24",
            (name,),
        ).fetchall()
        for name in FIELD_FOR_KIND.values()
    ]
