"""A haystack Whoosh backend fit for a faceted archive.

What it changes from the stock backend (see STACK_NOTES.md):
- facet fields are untokenised ``KEYWORD``/``ID`` fields holding ids, slugs and codes, never
  analysed text, and lists are space-separated (a comma in a name cannot split a value);
- filters are Whoosh query objects (``Term``/``And``/``DateRange``), never re-parsed strings;
- one long-lived searcher per process, refreshed only when the index changed;
- count, page and facet counts come from one search; facet counts are read from a
  per-searcher document→values map built once, not recomputed by Whoosh on every query;
- no per-request model narrow, no spelling work unless a search found nothing;
- datetimes are converted to UTC before Whoosh drops their zone (``whoosh_value``);
- writes only through ``update``/``remove`` from management commands (one writer).
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from datetime import UTC, datetime, time, timedelta
from itertools import islice
from time import monotonic

from django.utils.encoding import force_str
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier
from whoosh.fields import DATETIME, KEYWORD, TEXT, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.query import And, DateRange, Every, NullQuery, Or, Term
from whoosh.writing import CLEAR

from archive.search.analysis import peninsula_analyzer
from archive.search.query import clean_user_query, parse_user_query, query_terms, query_words
from archive.search.request import SearchRequest, SearchResponse
from archive.search.vocabulary import FACET_FIELDS, MULTI_FACETS, SINGLE_FACETS

_searchers: dict[str, object] = {}
_searcher_lock = threading.Lock()


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
                schema[name] = TEXT(analyzer=peninsula_analyzer(), stored=False, spelling=True)
            elif name in MULTI_FACETS:
                schema[name] = KEYWORD(stored=True, lowercase=False, commas=False, scorable=False)
            elif name in SINGLE_FACETS:
                schema[name] = WHOOSH_ID(stored=True)
            elif field_class.field_type in ("date", "datetime"):
                schema[name] = DATETIME(stored=True, sortable=True)
            else:
                schema[name] = TEXT(analyzer=peninsula_analyzer(), stored=True, field_boost=2.0)
        return content_field, Schema(**schema)

    # -- writing (management commands only) ---------------------------------------------

    def update(self, index, iterable, commit=True):
        self._write(index, iterable)

    def rebuild(self, index, batches):
        """Replace the whole index in one commit: searchers see the old one until it lands."""
        self._write(index, (obj for batch in batches for obj in batch), clear=True)

    def _write(self, index, objects, clear=False):
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=300)
        try:
            for obj in objects:
                try:
                    doc = index.full_prepare(obj)
                except SkipDocument:
                    continue
                doc.pop("boost", None)
                values = {k: whoosh_value(v) for k, v in doc.items()}
                if clear:
                    writer.add_document(**values)
                else:
                    writer.update_document(**values)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=CLEAR if clear else None)

    def remove(self, obj_or_string, commit=True):
        self.remove_many([get_identifier(obj_or_string)])

    def remove_many(self, identifiers):
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=300)
        for identifier in identifiers:
            writer.delete_by_term(ID, identifier)
        writer.commit()

    def clear(self, models=None, commit=True):
        """Empty the index in one commit (the stock backend deletes the directory)."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=300)
        writer.commit(mergetype=CLEAR)

    def optimize(self):
        if not self.setup_complete:
            self.setup()
        self.index.optimize()

    # -- reading ------------------------------------------------------------------------

    def searcher(self):
        """The process's long-lived searcher, refreshed only when the index changed."""
        if not self.setup_complete:
            self.setup()
        with _searcher_lock:
            searcher = _searchers.get(self.path)
            if searcher is None or not searcher.up_to_date():
                # A fresh searcher, not Searcher.refresh(): its segment reuse kept documents
                # of segments removed by a clearing commit.
                if searcher is not None:
                    # Forgotten first: if reopening fails (a damaged index), the next
                    # request tries again instead of finding a closed searcher.
                    del _searchers[self.path]
                    searcher.close()
                self.index = self.index.refresh()
                searcher = _searchers[self.path] = self.index.searcher()
            return searcher

    def execute(self, request: SearchRequest) -> SearchResponse:
        """Run one faceted search: count, one page of ids and facet counts together."""
        searcher = self.searcher()
        text_query = self.parse_user_query(request.q)
        query = self.combine(text_query, list(self.filter_queries(request)))
        if query is NullQuery:
            # Nothing searchable in the words typed (only stop words or punctuation).
            return SearchResponse(0, [], {f: Counter() for f in FACET_FIELDS}, set())
        limit = request.page * request.per_page
        results = searcher.search(query, limit=limit, **self.sort_options(request))
        offset = (request.page - 1) * request.per_page
        ids = [int(hit[DJANGO_ID]) for hit in results[offset:limit]]
        docs = results.docs()
        response = SearchResponse(
            count=len(docs),
            ids=ids,
            facets=self.facet_counts(searcher, docs),
            terms=query_terms(text_query),
        )
        if not docs and request.q.strip():
            response.suggestion = self.useful_suggestion(searcher, request)
        return response

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
        return parse_user_query(q, self.index.schema, ["title", self.content_field_name])

    @staticmethod
    def filter_queries(request: SearchRequest):
        for field_name, values in request.filters.items():
            # "any of" (issue 14): one Or per facet; "all of" (the default): a Term per value.
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

    @staticmethod
    def sort_options(request: SearchRequest) -> dict:
        if request.sort == "newest" or (request.sort == "relevance" and not request.q.strip()):
            return {"sortedby": "published", "reverse": True}
        if request.sort == "oldest":
            return {"sortedby": "published"}
        return {}

    def facet_counts(self, searcher, docs) -> dict[str, Counter]:
        forward = self.forward_map(searcher)
        counts = {name: Counter() for name in FACET_FIELDS}
        for docnum in docs:
            for name, values in forward.get(docnum, ()):
                counts[name].update(values)
        return counts

    @staticmethod
    def forward_map(searcher) -> dict[int, list]:
        """docnum → [(field, values)], built once per searcher from the facet postings."""
        cached = getattr(searcher, "_peninsula_forward", None)
        if cached is not None:
            return cached
        by_doc: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        reader = searcher.reader()
        for name in FACET_FIELDS:
            if name not in reader.schema:
                continue
            for term in reader.field_terms(name):
                for docnum in reader.postings(name, term).all_ids():
                    by_doc[docnum][name].append(term)
        forward = {docnum: list(fields.items()) for docnum, fields in by_doc.items()}
        searcher._peninsula_forward = forward
        return forward

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
SUGGEST_MAX_LETTERS = 20
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
        not 4 <= len(word) <= SUGGEST_MAX_LETTERS
        or not (word.isascii() and word.isalpha())
        or monotonic() > deadline
        or reader.doc_frequency(field, word)
    ):
        return word
    maxdist = 1 if len(word) <= 5 else 2
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


class PeninsulaWhooshEngine(BaseEngine):
    backend = PeninsulaWhooshBackend
    query = WhooshSearchQuery
