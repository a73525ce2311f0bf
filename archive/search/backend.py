"""A haystack Whoosh backend fit for a faceted archive.

What it changes from the stock backend (see STACK_NOTES.md):
- facet fields are untokenised ``KEYWORD``/``ID`` fields holding ids, slugs and codes, never
  analysed text, and lists are space-separated (a comma in a name cannot split a value);
- filters, facet counts and date sorting come from per-segment numpy columns
  (``columns.py``), combined as boolean masks with the text query's hits: no range query
  expands into terms, and browse and filter-only pages never read the text postings;
- one long-lived searcher per thread (Whoosh's are not thread-safe), refreshed only when the
  index changed; the columns are shared by the process and rebuilt only for new segments;
- count, page and facet counts come from one pass over the text query's matches;
- no per-request model narrow, no spelling work unless a search found nothing;
- datetimes are converted to UTC before Whoosh drops their zone (``whoosh_value``);
- writes only through ``update``/``remove`` from management commands (one writer).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from time import monotonic

import numpy as np
from django.conf import settings
from django.utils.encoding import force_str
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier
from whoosh.fields import DATETIME, KEYWORD, TEXT, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.index import EmptyIndexError
from whoosh.matching import IntersectionMatcher, ListMatcher
from whoosh.query import And, DateRange, Every, NullQuery, Or, Phrase, Term
from whoosh.writing import CLEAR, NO_MERGE

from archive.search import keyset, vector_match
from archive.search.analysis import peninsula_analyzer
from archive.search.columns import generation, save_new_segments
from archive.search.keyset import after, kind_of
from archive.search.query import (
    clean_user_query,
    expand_user_query,
    parse_user_query,
    query_terms,
    query_words,
)
from archive.search.request import KeysetPage, SearchRequest, SearchResponse
from archive.search.text_field import ArticleText
from archive.search.vocabulary import FACET_FIELDS, MULTI_FACETS, SINGLE_FACETS
from archive.search.whoosh_fixes import apply as apply_whoosh_fixes

apply_whoosh_fixes()

_local = threading.local()


TITLE_BOOST = 2.0  # a match in a stored text field (the title) weighs twice one in the text
WRITER_LOCK_SECONDS = 300  # how long a writer waits for Whoosh's lock before giving up


def forget_searchers() -> None:
    """Drop this thread's searchers: the next search opens the index afresh (as a newly
    started worker would)."""
    for searcher in _local.__dict__.pop("searchers", {}).values():
        try:
            searcher.close()
        except Exception:  # a damaged index may fail to close; it is forgotten all the same
            pass


def to_utc_naive(value: datetime) -> datetime:
    """Whoosh drops time zones: store and query naive UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def whoosh_value(value):
    """A prepared index value as Whoosh stores it: datetimes in naive UTC, lists
    space-separated (facet values hold no spaces, so a comma in a name never splits one)."""
    if isinstance(value, datetime):
        return to_utc_naive(value)
    if isinstance(value, (list, tuple, set)):
        return " ".join(str(v) for v in value)
    return force_str(value)


class PeninsulaWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        schema = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field = ""
        for field_class in fields.values():
            name = field_class.index_fieldname
            if field_class.document:
                content_field = name
                # Not stored: snippets are cut from the database body.
                # Analysed once for terms and spelling words (``text_field.py``).
                schema[name] = ArticleText(
                    analyzer=peninsula_analyzer(), stored=False, spelling=True
                )
            elif name in MULTI_FACETS:
                schema[name] = KEYWORD(stored=True, lowercase=False, commas=False, scorable=False)
            elif name in SINGLE_FACETS:
                schema[name] = WHOOSH_ID(stored=True)
            elif field_class.field_type in ("date", "datetime"):
                schema[name] = DATETIME(stored=True, sortable=True)
            else:
                schema[name] = TEXT(
                    analyzer=peninsula_analyzer(), stored=True, field_boost=TITLE_BOOST
                )
        return content_field, Schema(**schema)

    # -- writing (management commands only) ---------------------------------------------

    def update(self, index, iterable, commit=True, merge=True):
        """Add or replace documents in one commit; ``merge=False``: their segment is left as
        it is, and no other segment is merged into it (a bulk load's full group)."""
        self._write(index, iterable, mergetype=None if merge else NO_MERGE)

    def rebuild(self, index, batches):
        """Replace the whole index in one commit: searchers see the old one until it lands."""
        self._write(index, (obj for batch in batches for obj in batch), mergetype=CLEAR)

    def _write(self, index, objects, mergetype=None):
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=WRITER_LOCK_SECONDS, limitmb=settings.INDEX_WRITER_MB)
        try:
            for obj in objects:
                try:
                    doc = index.full_prepare(obj)
                except SkipDocument:
                    continue
                doc.pop("boost", None)
                values = {k: whoosh_value(v) for k, v in doc.items()}
                if mergetype is CLEAR:
                    writer.add_document(**values)
                else:
                    writer.update_document(**values)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=mergetype)

    def remove(self, obj_or_string, commit=True):
        self.remove_many([get_identifier(obj_or_string)])

    def remove_many(self, identifiers):
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=WRITER_LOCK_SECONDS)
        for identifier in identifiers:
            writer.delete_by_term(ID, identifier)
        writer.commit()

    def clear(self, models=None, commit=True):
        """Empty the index in one commit (the stock backend deletes the directory)."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=WRITER_LOCK_SECONDS)
        writer.commit(mergetype=CLEAR)

    def optimize(self):
        if not self.setup_complete:
            self.setup()
        self.index.optimize()

    def leave_columns(self):
        """The new segments' columns, written beside the index for the workers
        (``columns.save_new_segments``); called once the index commands' commits are done
        (by this process or by the indexer process of an ingest)."""
        if not self.setup_complete:  # this process has not opened the index yet
            self.setup()
        self.index = self.index.refresh()
        save_new_segments(self.index, self.path)

    # -- reading ------------------------------------------------------------------------

    def searcher(self):
        """This thread's long-lived searcher, refreshed only when the index changed.

        Whoosh searchers and readers are not thread-safe (they share file positions), so
        each thread of a worker has its own over the same generation; the columns read from
        its segments are shared by the whole process (``columns.py``).
        """
        if not self.setup_complete:
            refuse_lost_contents(self.path)
            self.setup()
        searchers = _local.__dict__.setdefault("searchers", {})
        searcher = searchers.get(self.path)
        if searcher is None or not searcher.up_to_date():
            # A fresh searcher, not Searcher.refresh(): its segment reuse kept documents
            # of segments removed by a clearing commit.
            if searcher is not None:
                # Forgotten first: if reopening fails (a damaged index), the next
                # request tries again instead of finding a closed searcher.
                del searchers[self.path]
                searcher.close()
            searcher = searchers[self.path] = self.index.refresh().searcher()
        return searcher

    def columns(self):
        """The columns of the generation this thread's searcher reads."""
        return generation(self.searcher().reader(), self.path)

    def execute(self, request: SearchRequest) -> SearchResponse:
        """Run one faceted search: count, one page of ids and facet counts together.

        Filters, facet counts and date order come from the generation's columns; the text
        query (if any) is matched once, and its hits are masked by the filters.
        """
        found = self.hits(request)
        if found is None:
            # Nothing searchable in the words typed (only stop words or punctuation).
            return SearchResponse(0, [], {f: Counter() for f in FACET_FIELDS}, set())
        columns, docnums, scores, text_query, actors = found
        chosen = np.zeros(columns.size, dtype=bool)
        chosen[docnums] = True
        response = SearchResponse(
            count=len(docnums),
            ids=self.page_ids(columns, self.ordered(columns, docnums, scores, request), request),
            facets=columns.facet_counts(chosen),
            terms=query_terms(text_query),
            actors=actors,
            days=lambda: columns.day_counts(chosen),
        )
        if not len(docnums) and request.q.strip():
            response.suggestion = self.useful_suggestion(self.searcher(), request)
        return response

    def hits(self, request: SearchRequest):
        """(columns, docnums, scores or None, text query, actors it was expanded with) of
        every hit, or None when the words hold nothing searchable."""
        searcher = self.searcher()
        text_query, actors = self.expand_user_query(request)
        if text_query is NullQuery:
            return None
        columns = generation(searcher.reader(), self.path)
        allowed = self.filter_mask(columns, request)
        if isinstance(text_query, Every):
            return columns, np.flatnonzero(allowed), None, text_query, actors
        ranked = request.sort == "relevance" and bool(request.q.strip())
        docnums, scores = self.text_hits(searcher, columns, text_query, allowed, ranked)
        return columns, docnums, scores, text_query, actors

    def first_hits(self, request: SearchRequest, limit: int | None = None):
        """(columns, docnums) of the first ``limit`` hits in the request's order, or of
        every hit (in docnum order) without ``limit``: for figures about a result set that
        are counted in the columns (the actor network), with no page of ids to look up."""
        found = self.hits(request)
        if found is None:
            columns = generation(self.searcher().reader(), self.path)
            return columns, np.zeros(0, dtype=np.int64)
        columns, docnums, scores, _query, _actors = found
        if limit is None:
            return columns, docnums
        first = replace(request, page=1, per_page=max(1, limit))
        return columns, self.ordered(columns, docnums, scores, first)[:limit]

    def execute_after(self, request: SearchRequest, position, limit: int) -> KeysetPage:
        """Up to ``limit`` hits after ``position`` (a ``keyset.Position``; None: from the
        start) in page order, with the key of the last one when more follow. A position of
        another order raises ``keyset.WrongKind``, a relevance position of an older index
        generation ``keyset.Expired``."""
        found = self.hits(request)
        if found is None:
            return KeysetPage(0, [], None, "", kind_of(request.sort, False), set())
        columns, docnums, scores, text_query, _actors = found
        kind, name = kind_of(request.sort, scores is not None), keyset.generation_id(columns)
        keys = keyset.key_arrays(columns, docnums, scores, kind)
        rest = np.arange(len(docnums))
        if position is not None:
            keyset.check(position, kind, name)
            rest = np.flatnonzero(after(keys, position.key))
        page = rest[keyset.order([(values[rest], asc) for values, asc in keys])[:limit]]
        return KeysetPage(
            count=len(docnums),
            ids=columns.django_id[docnums[page]].tolist(),
            last=keyset.position_of(keys, page[-1]) if len(rest) > limit else None,
            generation=name,
            kind=kind,
            terms=query_terms(text_query),
        )

    @staticmethod
    def filter_mask(columns, request: SearchRequest) -> np.ndarray:
        """Live documents that hold the selected facet values (every one, or any one where the
        request's mode says "any") and fall in the date range."""
        mask = columns.live.copy()
        for field_name, values in request.filters.items():
            masks = [columns.value_mask(field_name, value) for value in values]
            if request.mode(field_name) == "any" and masks:
                mask &= np.logical_or.reduce(masks)  # "any of"
                continue
            for value_mask in masks:
                mask &= value_mask
        if request.date_from or request.date_to:
            mask &= columns.day_mask(request.date_from, request.date_to)
        return mask

    def text_hits(self, searcher, columns, query, allowed, ranked: bool):
        """Docnums (ascending) matching ``query`` among ``allowed``, with scores if ``ranked``.

        The whole hit set of a query is cached per generation (keyed by the normalised
        query); a query with a phrase under filters is matched only on allowed documents,
        so positions are checked on few candidates.
        """
        restricted = has_phrase(query) and not allowed.all()
        key = (repr(query), allowed.tobytes() if restricted else None)
        found = columns.cached_hits(key)
        if found is None or (ranked and found[1] is None):
            found = match(searcher, query, allowed if restricted else None, ranked)
            columns.cache_hits(key, found)
        docnums, scores = found
        keep = allowed[docnums]
        return docnums[keep], (scores[keep] if ranked else None)

    @staticmethod
    def ordered(columns, docnums, scores, request: SearchRequest) -> np.ndarray:
        """Hits in page order (the keyset order of ``keyset.py``, ties by article id) up to
        the requested page's end: by date, only the pages up to the requested one are sorted."""
        kind = kind_of(request.sort, scores is not None)
        if kind == "relevance":
            return docnums[keyset.order(keyset.key_arrays(columns, docnums, scores, kind))]
        shown = request.page * request.per_page
        ids = columns.django_id[docnums]
        return columns.by_date(docnums, newest=kind == "newest", limit=shown, ties=ids)

    @staticmethod
    def page_ids(columns, ordered: np.ndarray, request: SearchRequest) -> list[int]:
        offset = (request.page - 1) * request.per_page
        return columns.django_id[ordered[offset : offset + request.per_page]].tolist()

    def useful_suggestion(self, searcher, request: SearchRequest) -> str:
        """A respelling of the query that finds something under the same filters, or ""."""
        suggestion = self.suggest(searcher, request.q)
        if not suggestion:
            return ""
        query = self.combine(self.parse_user_query(suggestion), list(self.filter_queries(request)))
        return suggestion if searcher.search(query, limit=1).scored_length() else ""

    @staticmethod
    def combine(text_query, filters):
        """``text_query`` AND every filter. Whoosh normalises And(Every(), x) to Every()."""
        if isinstance(text_query, Every) and filters:
            return And(filters).normalize()
        return And([text_query, *filters]).normalize()

    def parse_user_query(self, q: str):
        return parse_user_query(q, self.index.schema, self.text_fields())

    def expand_user_query(self, request: SearchRequest):
        """(query, actors it was expanded with): the words typed, or also the known actors
        they name when the request carries actor names and is not literal."""
        names = None if request.literal else request.names
        query, expanded = expand_user_query(request.q, self.index.schema, self.text_fields(), names)
        return query.normalize(), expanded

    def text_fields(self) -> list[str]:
        return ["title", self.content_field_name]

    @staticmethod
    def filter_queries(request: SearchRequest):
        for field_name, values in request.filters.items():
            # "any of": one Or per facet; "all of" (the default): a Term per value.
            if request.mode(field_name) == "any" and len(values) > 1:
                yield Or([Term(field_name, value) for value in values])
                continue
            for value in values:
                yield Term(field_name, value)
        if request.date_from or request.date_to:
            start = datetime.combine(request.date_from, time.min) if request.date_from else None
            end = (
                datetime.combine(request.date_to + timedelta(days=1), time.min)
                - timedelta(microseconds=1)
                if request.date_to
                else None
            )
            yield DateRange("published", start, end)

    def suggest(self, searcher, q: str) -> str:
        """A respelling of the query, word by word, from the words of the index.

        Bounded: at most SUGGEST_WORDS words are looked at and the whole respelling stops
        after SUGGEST_SECONDS (later words are left as typed), so a made-up word costs
        about as much as any other search.
        """
        words = query_words(clean_user_query(q))[:SUGGEST_WORDS]
        reader = searcher.reader()
        field = self.schema[self.content_field_name].spelling_fieldname(self.content_field_name)
        deadline = monotonic() + SUGGEST_SECONDS
        suggestion = " ".join(respell(reader, field, word.lower(), deadline) for word in words)
        return suggestion if suggestion.lower() != " ".join(words).lower() else ""


# The spelling suggester's budget: longer words are never respelled (building the edit
# automaton of a 30-letter word took seconds), candidates per word and time are capped.
SUGGEST_WORDS = 8
SUGGEST_MIN_LETTERS = 4  # shorter words are never respelled
SUGGEST_MAX_LETTERS = 20
SHORT_WORD_LETTERS = 5  # a word this short is respelled by one edit at most …
LONG_WORD_EDITS = 2  # … a longer one by up to this many
SUGGEST_CANDIDATES = 200
SUGGEST_SECONDS = 0.05


def respell(reader, field: str, word: str, deadline: float = float("inf")) -> str:
    """The indexed word closest to ``word`` (fewest edits, then most documents), or ``word``.

    Whoosh's own corrector ranks every candidate as if at the largest distance and looks up
    frequencies in the stemmed field, so "misile" became "mile". Short and long words, words
    that are in the index and non-Latin words (Hangul is indexed as bigrams) are left as they
    are, and so is every word once ``deadline`` (a ``monotonic()`` time) has passed.
    """
    if (
        not SUGGEST_MIN_LETTERS <= len(word) <= SUGGEST_MAX_LETTERS
        or not (word.isascii() and word.isalpha())
        or monotonic() > deadline
        or reader.doc_frequency(field, word)
    ):
        return word
    maxdist = 1 if len(word) <= SHORT_WORD_LETTERS else LONG_WORD_EDITS
    candidates = []
    for term in islice(reader.terms_within(field, word, maxdist, prefix=1), SUGGEST_CANDIDATES):
        candidates.append((edit_distance(word, term), -reader.doc_frequency(field, term), term))
        if monotonic() > deadline:
            break
    best = min((c for c in candidates if c[0] <= maxdist), default=None)
    return best[2] if best else word


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent transpositions (optimal string alignment)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def refuse_lost_contents(path: str) -> None:
    """Raise EmptyIndexError for an index directory that holds segments but no table of
    contents: haystack's ``setup()`` would write a new empty index over it, and searches
    would silently find nothing. (A missing or empty directory is a new index.)"""
    try:
        names = [p.name for p in Path(path).iterdir()]
    except (FileNotFoundError, NotADirectoryError):
        return
    if not any(n.endswith(".toc") for n in names) and any(n.endswith(".seg") for n in names):
        raise EmptyIndexError(f"no table of contents beside the segments in {path}")


def has_phrase(query) -> bool:
    return any(isinstance(leaf, Phrase) for leaf in query.leaves())


def match(searcher, query, allowed, ranked: bool):
    """One pass of ``query`` over every segment: (docnums, scores or None).

    Scores are Whoosh's own (the same matcher and weighting its collector uses); with
    ``allowed``, the matcher is intersected with the allowed docnums of each segment.
    """
    weighting = searcher.weighting if ranked else None
    docnums, scores = [], []
    for sub, offset in searcher.leaf_searchers():
        local = None if allowed is None else allowed[offset : offset + sub.doc_count_all()]
        try:
            hits = vector_match.evaluate(query, sub, weighting, local)
        except vector_match.Unsupported:
            hits = match_by_matcher(sub, query, local, ranked)
        docnums.append(offset + hits.ids)
        scores.append(hits.scores)
    found = np.concatenate(docnums) if docnums else np.zeros(0, dtype=np.int64)
    return found, (np.concatenate(scores) if ranked and scores else None)


def match_by_matcher(searcher, query, allowed, ranked: bool) -> vector_match.Hits:
    """Whoosh's own matcher over one leaf searcher, posting by posting: for the queries
    ``vector_match`` does not evaluate."""
    context = searcher.context() if ranked else searcher.context(weighting=None)
    matcher = query.matcher(searcher, context)
    if allowed is not None:
        matcher = Restricted(matcher, ListMatcher(np.flatnonzero(allowed).tolist()))
    docnums, scores = [], []
    if ranked:
        matcher = matcher.replace(0)
        while matcher.is_active():
            docnums.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
    else:
        docnums.extend(matcher.all_ids())
    found = np.array(docnums, dtype=np.int64)
    return vector_match.Hits(found, np.array(scores, dtype=np.float64) if ranked else None)


class Restricted(IntersectionMatcher):
    """The documents of ``a`` that are also in ``b``, scored by ``a`` alone."""

    def score(self):
        return self.a.score()

    def replace(self, minquality=0):
        return self


class PeninsulaWhooshEngine(BaseEngine):
    backend = PeninsulaWhooshBackend
    query = WhooshSearchQuery
