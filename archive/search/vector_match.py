"""A query's hits in one segment, computed a posting block at a time with numpy.

Whoosh's matchers walk a query's postings one document at a time in Python: a phrase of
three common words on 100,000 articles is 50,000 steps of span checks, seconds of work.
Here a query tree of terms, phrases, ``And``, ``Or`` and ``AndNot`` is evaluated on whole
posting lists: document ids and weights come from the decoded blocks, phrase positions are
checked as arrays, and BM25F is applied to arrays of weights and field lengths.

The answer is Whoosh's own, bit for bit: the same documents, and scores built by the same
floating-point operations in the same order (the matchers' binary and weighted trees,
``PreloadedOr``'s running sums, boosts applied where the matchers apply them). A query
with any other node, a scorer other than BM25F's, or a phrase with slop raises
``Unsupported``; the caller then runs Whoosh's matcher.
"""

from __future__ import annotations

from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.formats import Positions
from whoosh.query import And, AndNot, NullQuery, Or, Phrase, Term
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.system import _INT_SIZE
from whoosh.util import make_binary_tree, make_weighted_tree
from whoosh.util.numeric import byte_to_length

BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
POSITION_STRIDE = 1 << 32  # (document, position) pairs as one int64 key
LENGTH_CACHE_SEGMENTS = 512  # (segment, field) length arrays kept per process


class Unsupported(Exception):
    """A query this module does not evaluate exactly as Whoosh would."""


class Hits:
    """Ascending segment docnums and their scores (None when unscored). Never ordered
    against another ``Hits``: as Whoosh's matchers in its weighted trees, ties keep the
    order the query gave."""

    __slots__ = ("ids", "scores")

    def __init__(self, ids: np.ndarray, scores: np.ndarray | None):
        self.ids, self.scores = ids, scores

    def __lt__(self, other) -> bool:
        return False

    def boosted(self, boost: float) -> Hits:
        if boost == 1.0 or self.scores is None:
            return self
        return Hits(self.ids, self.scores * boost)


class Segment:
    """What evaluation needs of one leaf searcher: its reader, the weighting (None: no
    scores) and the documents allowed (a boolean mask, or None for all live ones)."""

    def __init__(self, searcher, weighting, allowed: np.ndarray | None):
        self.searcher, self.reader = searcher, searcher.reader()
        self.weighting = weighting
        self.allowed = allowed

    @property
    def scored(self) -> bool:
        return self.weighting is not None


def evaluate(query, searcher, weighting, allowed: np.ndarray | None) -> Hits:
    """``query``'s hits in the leaf ``searcher`` among ``allowed`` (and live) documents."""
    segment = Segment(searcher, weighting, allowed)
    hits = _evaluate(query, segment)
    deleted = segment.reader.deleted_docs_set
    if deleted:
        keep = ~np.isin(hits.ids, np.fromiter(deleted, dtype=np.int64, count=len(deleted)))
        hits = _take(hits, keep)
    return hits


def _evaluate(query, segment: Segment) -> Hits:
    if query is NullQuery:
        return _empty(segment)
    kind = type(query)
    if kind is Term:
        return term_hits(query, segment)
    if kind is Phrase:
        return phrase_hits(query, segment)
    if kind is Or:
        return or_hits(query, segment)
    if kind is And:
        return and_hits(query, segment)
    if kind is AndNot:
        return and_not_hits(query, segment)
    raise Unsupported(kind.__name__)


def _empty(segment: Segment) -> Hits:
    return Hits(np.zeros(0, np.int64), np.zeros(0) if segment.scored else None)


def _take(hits: Hits, keep: np.ndarray) -> Hits:
    return Hits(hits.ids[keep], None if hits.scores is None else hits.scores[keep])


# Terms and phrases


def term_hits(query: Term, segment: Segment) -> Hits:
    btext = _term_bytes(segment, query.fieldname, query.text)
    if btext is None:
        return _empty(segment)
    ids, weights, _ = read_postings(segment, query.fieldname, btext, with_values=False)
    return term_scores(segment, query.fieldname, btext, ids, weights).boosted(query.boost)


def _term_bytes(segment: Segment, fieldname: str, text) -> bytes | None:
    """The term's bytes when the segment holds it (None: the matcher would be empty)."""
    field = _field(segment, fieldname)
    if field is None:
        return None
    try:
        btext = field.to_bytes(text)
    except ValueError:
        return None
    return btext if (fieldname, btext) in segment.reader else None


def _field(segment: Segment, fieldname: str):
    schema = segment.searcher.schema
    return schema[fieldname] if fieldname in schema else None


def read_postings(segment: Segment, fieldname: str, btext: bytes, with_values: bool):
    """(ids, weights, values or None) of a term's postings among the allowed documents."""
    format_ = segment.searcher.schema[fieldname].format
    matcher = segment.reader._terms.matcher(fieldname, btext, format_, scorer=None)
    if isinstance(matcher, W3LeafMatcher):
        ids, weights, values = _block_postings(matcher, with_values)
    else:  # a short posting list kept inline in the term info
        ids, weights, values = _posting_by_posting(matcher, with_values)
    if segment.allowed is not None:
        keep = segment.allowed[ids]
        ids, weights = ids[keep], weights[keep]
        values = [values[i] for i in np.flatnonzero(keep).tolist()] if with_values else None
    return ids, weights, values


def _block_postings(matcher: W3LeafMatcher, with_values: bool):
    """A posting list read a block at a time: the block's pickled (ids, weights, values)
    decoded as ``_read_ids`` / ``_read_weights`` / ``_read_values`` would, in numpy."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        block_ids, block_weights, block_values = matcher._data[:3]
        count = matcher._blocklength
        block_ids = np.asarray(block_ids, dtype=np.int64)
        ids.append(block_ids if matcher._byteids else np.cumsum(block_ids))
        weights.append(_block_weights(block_weights, count))
        if with_values:
            values.extend(block_values)
        matcher._next_block()
    if not ids:
        return np.zeros(0, np.int64), np.zeros(0), values
    return np.concatenate(ids), np.concatenate(weights), values


def _block_weights(weights, count: int) -> np.ndarray:
    """None: every weight 1.0; one float: that weight for all (as ``array("f")`` holds
    it); else one weight per posting."""
    if weights is None:
        return np.ones(count)
    if isinstance(weights, float):
        return np.full(count, np.float32(weights), dtype=np.float64)
    return np.asarray(weights, dtype=np.float64)


def _posting_by_posting(matcher, with_values: bool):
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if with_values:
            values.append(matcher.value())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64), values


def term_scores(segment: Segment, fieldname: str, btext: bytes, ids, weights) -> Hits:
    """The scores the term's leaf matcher gives (``scorer.score(matcher)``), as arrays."""
    if not segment.scored:
        return Hits(ids, None)
    scorer = segment.weighting.scorer(segment.searcher, fieldname, btext, qf=1)
    if type(scorer) is WeightScorer:
        return Hits(ids, weights)
    if type(scorer) is not BM25FScorer:
        raise Unsupported(type(scorer).__name__)
    lengths = field_lengths(segment.reader, fieldname)[ids]
    idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    # whoosh.scoring.bm25, operation for operation
    scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avgfl)))
    return Hits(ids, scores)


_LENGTHS: dict[tuple[str, str], np.ndarray] = {}


def field_lengths(reader, fieldname: str) -> np.ndarray:
    """Every document's length in ``fieldname`` as ``doc_field_length`` reports it, read
    once per segment and field (a segment's lengths never change)."""
    key = (reader.segment().segment_id(), fieldname)
    lengths = _LENGTHS.get(key)
    if lengths is None:
        if len(_LENGTHS) >= LENGTH_CACHE_SEGMENTS:
            _LENGTHS.pop(next(iter(_LENGTHS)))
        lengths = _LENGTHS[key] = _read_lengths(reader, fieldname)
    return lengths


def _read_lengths(reader, fieldname: str) -> np.ndarray:
    count = reader.doc_count_all()
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:  # no lengths: the scorer's default of 1
        return np.ones(count)
    raw = column._dbfile.get(column._basepos, column._count * column._fixedlen)
    codes = np.zeros(count, dtype=np.uint8)
    codes[: column._count] = np.frombuffer(raw, dtype=np.uint8)[:count]
    return BYTE_LENGTHS[codes]


def phrase_hits(query: Phrase, segment: Segment) -> Hits:
    """Documents with the words at consecutive positions, scored as ``SpanNear2``'s
    intersection of the words' term matchers: the binary tree of their scores' sums."""
    field = _field(segment, query.fieldname)
    if query.slop != 1 or field is None or type(field.format) is not Positions:
        raise Unsupported("phrase")
    words = [_term_bytes(segment, query.fieldname, word) for word in query.words]
    if not words or any(w is None for w in words):
        return _empty(segment)
    postings = [read_postings(segment, query.fieldname, w, with_values=True) for w in words]
    docs = postings[0][0]
    for ids, _, _ in postings[1:]:
        docs = np.intersect1d(docs, ids, assume_unique=True)
    docs = docs[_adjacent(docs, postings)] if len(words) > 1 else docs
    leaves = []
    for word, (ids, weights, _) in zip(words, postings, strict=True):
        at = np.searchsorted(ids, docs)
        leaves.append(term_scores(segment, query.fieldname, word, docs, weights[at]))
    hits = make_binary_tree(_intersection, leaves) if len(leaves) > 1 else leaves[0]
    return hits.boosted(query.boost)


def _adjacent(docs: np.ndarray, postings) -> np.ndarray:
    """Which of ``docs`` hold word k at p + k for some p, for every word k."""
    matched = None
    for k, (ids, _, values) in enumerate(postings):
        at = np.searchsorted(ids, docs).tolist()
        keys = _position_keys(docs, [values[i] for i in at]) - k
        matched = keys if matched is None else np.intersect1d(matched, keys, assume_unique=True)
    return np.isin(docs, np.unique(matched // POSITION_STRIDE))


def _position_keys(docs: np.ndarray, values: list[bytes]) -> np.ndarray:
    """doc * STRIDE + position for every position of the given postings (one per doc)."""
    counts, deltas = decode_position_deltas(values)
    running = np.cumsum(deltas)  # positions, run on across documents
    before = np.concatenate(([0], running))[np.cumsum(counts) - counts]  # each doc's carry
    positions = running - np.repeat(before, counts)
    return np.repeat(docs, counts) * POSITION_STRIDE + positions


# ``Positions.encode``: a big-endian count, then ``pickle.dumps(deltas, 2)``: PROTO 2,
# EMPTY_LIST, BINPUT 0, then for one delta "<int> APPEND", for more "MARK <int>... APPENDS",
# and STOP (which Whoosh may strip). An <int> is BININT1 (1 byte), BININT2 (2) or BININT
# (4, signed), little-endian. Lists of over 1,000 deltas come in several batches.
PICKLE_HEAD = np.frombuffer(b"\x80\x02]q\x00", dtype=np.uint8)
HEAD_AT = _INT_SIZE  # where the pickle starts in a value
BININT1, BININT2, BININT = (ord(c) for c in "KMJ")
APPEND, APPENDS, STOP = (ord(c) for c in "ae.")


def decode_position_deltas(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(count of positions per value, their deltas, value after value), as
    ``Positions.decode_positions`` reads them. The pickles are read in numpy, one delta
    of every value at a time; a value in any other layout is unpickled."""
    if not values:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    buf = np.frombuffer(b"".join(values) + bytes(8), dtype=np.uint8)  # padded for reads
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    starts = np.cumsum(lengths) - lengths
    counts = _big_endian_counts(buf, starts)
    firsts = np.cumsum(counts) - counts  # where each value's deltas start in the output
    deltas = np.zeros(int(counts.sum()), dtype=np.int64)
    ends, read = _read_ints(
        buf, starts + HEAD_AT + len(PICKLE_HEAD) + (counts > 1), counts, firsts, deltas
    )
    read &= _framed(buf, starts, lengths, counts, ends)
    for i in np.flatnonzero(~read).tolist():
        _unpickle_into(deltas[firsts[i] : firsts[i] + counts[i]], values[i])
    return counts, deltas


def _read_ints(buf, at, counts, firsts, out):
    """Read ``counts`` pickled ints of each value from ``at`` into ``out``; returns where
    each value's ints end and which values held only ints there."""
    at, good = at.copy(), np.ones(len(at), dtype=bool)
    for k in range(int(counts.max(initial=0))):
        rows = np.flatnonzero((counts > k) & good)
        pos = at[rows]
        op = buf[pos]
        one, two, four = op == BININT1, op == BININT2, op == BININT
        good[rows[~(one | two | four)]] = False
        value = buf[pos + 1].astype(np.int64)
        value = np.where(two | four, value | (buf[pos + 2].astype(np.int64) << 8), value)
        wide = (buf[pos + 3].astype(np.int64) << 16) | (buf[pos + 4].astype(np.int64) << 24)
        value = np.where(four, (value | wide).astype(np.uint32).astype(np.int32), value)
        out[firsts[rows] + k] = value
        at[rows] = pos + np.where(one, 2, np.where(two, 3, 5))
    return at, good


def _framed(buf, starts, lengths, counts, ends) -> np.ndarray:
    """Which values have the pickle's head, its closing APPEND(S) right after the ints,
    and nothing after it but a STOP."""
    fits = counts > 0
    for k, byte in enumerate(PICKLE_HEAD):
        fits &= buf[starts + HEAD_AT + k] == byte
    fits &= (counts == 1) | (buf[starts + HEAD_AT + len(PICKLE_HEAD)] == ord("("))
    fits &= buf[ends] == np.where(counts == 1, APPEND, APPENDS)
    rest = starts + lengths - (ends + 1)
    return fits & ((rest == 0) | ((rest == 1) & (buf[ends + 1] == STOP)))


def _big_endian_counts(buf: np.ndarray, starts: np.ndarray) -> np.ndarray:
    counts = np.zeros(len(starts), dtype=np.int64)
    for k in range(_INT_SIZE):
        counts = (counts << 8) | buf[starts + k]
    return counts


def _unpickle_into(out: np.ndarray, value: bytes) -> None:
    body = value[HEAD_AT:]
    codes = loads(body if body.endswith(b".") else body + b".")
    if len(codes) != len(out):
        raise Unsupported("a positions value whose count disagrees with its list")
    out[:] = codes


# Compound queries


def _intersection(a: Hits, b: Hits) -> Hits:
    """IntersectionMatcher: documents in both; score a + b."""
    ids, ia, ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    scores = None if a.scores is None else a.scores[ia] + b.scores[ib]
    return Hits(ids, scores)


def _union(a: Hits, b: Hits) -> Hits:
    """UnionMatcher: documents in either; score a + b where both match, else the one's."""
    ids = np.union1d(a.ids, b.ids)
    if a.scores is None:
        return Hits(ids, None)
    scores = np.zeros(len(ids))
    scores[np.searchsorted(ids, a.ids)] = a.scores
    scores[np.searchsorted(ids, b.ids)] += b.scores  # 0.0 + b is exactly b
    return Hits(ids, scores)


def _tree(query, segment: Segment, combine, weight) -> Hits:
    """CompoundQuery.matcher with ``_tree_matcher``: one sub is that sub (its boost, not
    the compound's); more are a weighted tree, boosted by the compound's boost."""
    subs = query.subqueries
    if not subs:
        return _empty(segment)
    if len(subs) == 1:
        return _evaluate(subs[0], segment)
    leaves = [(weight(q), _evaluate(q, segment)) for q in subs]
    return make_weighted_tree(combine, leaves).boosted(query.boost)


def and_hits(query: And, segment: Segment) -> Hits:
    reader = segment.reader
    return _tree(query, segment, _intersection, lambda q: 0 - q.estimate_size(reader))


def or_hits(query: Or, segment: Segment) -> Hits:
    if query.scale or query.minmatch:
        raise Unsupported("scaled or minimum-match Or")
    subs = query.subqueries
    if len(subs) <= 1 or _uses_tree(query, segment):
        reader = segment.reader
        return _tree(query, segment, _union, lambda q: q.estimate_size(reader))
    return _preloaded_union([_evaluate(q, segment) for q in subs], query.boost)


def _uses_tree(query: Or, segment: Segment) -> bool:
    """Or._matcher's choice between a tree of unions and ``PreloadedOr``."""
    if query.matcher_type in (Or.DEFAULT_MATCHER, Or.ARRAY_MATCHER):
        return query.matcher_type == Or.DEFAULT_MATCHER
    if query.matcher_type != Or.AUTO_MATCHER:
        raise Unsupported("Or matcher type")
    # ``match`` passes ``searcher.context()``: needs_current is False; a scaled Or was refused.
    subs = query.subqueries
    return len(subs) < query.TOO_MANY_CLAUSES and (
        len(subs) == 2 or segment.reader.doc_count_all() > 5000
    )


def _preloaded_union(parts: list[Hits], boost: float) -> Hits:
    """ArrayUnionMatcher: a running sum, sub by sub, of each score times the boost; a
    document whose sum is not positive is not a hit."""
    ids = np.unique(np.concatenate([p.ids for p in parts])) if parts else np.zeros(0, np.int64)
    if parts[0].scores is None:
        return Hits(ids, None)
    scores = np.zeros(len(ids))
    for part in parts:
        scores[np.searchsorted(ids, part.ids)] += part.scores * boost
    return _take(Hits(ids, scores), scores > 0)


def and_not_hits(query: AndNot, segment: Segment) -> Hits:
    """AndNotMatcher: the positive side's hits and scores, less the negative side's docs."""
    positive = _evaluate(query.a, segment)
    negative = _evaluate(query.b, Segment(segment.searcher, None, segment.allowed))
    return _take(positive, ~np.isin(positive.ids, negative.ids))
