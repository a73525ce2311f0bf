"""The gazetteer: known actors and every surface form that names them.

Entries come from the reviewable files in ``data/`` (``Gazetteer.default()``) or from any
iterable of ``GazetteerEntry`` (``Gazetteer.from_entries``), e.g. rows curated in the
database. A Gazetteer compiles its names into spaCy ``PhraseMatcher`` objects once; the
tokenizer is ``spacy.blank("en")`` (no statistical model is used or downloaded).
"""

from __future__ import annotations

import functools

import spacy
from spacy.matcher import PhraseMatcher

from archive.entities.entries import GazetteerEntry, default_entries, words
from archive.entities.korean_words import has_hangul
from archive.entities.tokens import spacy_doc
from archive.entities.types import ORGANIZATION, normalise_name

MIN_MATCHED_ALIAS = 2  # letters of the shortest alias matched in prose
SHORT_ABBREVIATION = 5  # an all-capital name this short is matched as written only ("UN", "NATO")


@functools.lru_cache(maxsize=1)
def tokenizer():
    """The shared blank English pipeline (tokenizer only)."""
    return spacy.blank("en")


@functools.lru_cache(maxsize=1)
def unmatched_names() -> frozenset:
    return frozenset(words("country_names_unmatched.txt"))


def matchable(alias: str, kind: str = "") -> bool:
    """Catalogue forms with a comma ("Korea, Republic of") and country names that are common
    words or names ("Jordan", "Turkey") are kept for lookups but never matched in prose; an
    organization's comma is part of how prose writes it ("Ministry of Trade, Industry and
    Energy")."""
    comma_ok = kind == ORGANIZATION or "," not in alias
    return comma_ok and len(alias) >= MIN_MATCHED_ALIAS and alias not in unmatched_names()


def written_forms(name: str, kind: str) -> list[str]:
    """An organization's " and " is also written "&" ("Ministry of Trade, Industry & Energy")."""
    if kind == ORGANIZATION and " and " in name:
        return [name, name.replace(" and ", " & ")]
    return [name]


class Gazetteer:
    """Known actors compiled for matching.

    ``match(doc)`` returns ``(start_token, end_token, entries)`` for every occurrence of a known
    surface form, case-sensitively; ``match(doc, caseless=True)`` also matches forms written
    in capitals (wire headlines), ignoring short all-capital abbreviations.
    """

    def __init__(self, entries):
        self._entries = list(entries)
        self.by_key: dict[str, GazetteerEntry] = {}
        self.by_code: dict[str, GazetteerEntry] = {}
        nlp = tokenizer()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns: dict[str, list[GazetteerEntry]] = {}
        for entry in self._entries:
            self._add(entry)
        self._compile(nlp)

    def _add(self, entry: GazetteerEntry) -> None:
        if entry.code:
            self.by_code.setdefault(entry.code, entry)
        for name in (entry.name, *entry.aliases):
            self.by_key.setdefault((entry.kind, normalise_name(name)), entry)
            if matchable(name, entry.kind) and not has_hangul(name):  # Hangul: korean_known.py
                for form in written_forms(name, entry.kind):
                    targets = self._patterns.setdefault(form, [])
                    if entry not in targets:
                        targets.append(entry)

    def _compile(self, nlp) -> None:
        self._ids: dict[int, list[GazetteerEntry]] = {}
        exact, caseless = [], []
        for i, (name, targets) in enumerate(self._patterns.items()):
            key = f"g{i}"
            self._ids[nlp.vocab.strings.add(key)] = targets
            doc = nlp.make_doc(name)
            exact.append((key, doc))
            if not (name.isupper() and len(name) <= SHORT_ABBREVIATION):
                caseless.append((key, doc))
        for key, doc in exact:
            self.exact.add(key, [doc])
        for key, doc in caseless:
            self.caseless.add(key, [doc])

    @classmethod
    def from_entries(cls, entries) -> Gazetteer:
        """A Gazetteer of any iterable of ``GazetteerEntry`` (or objects with the same fields)."""
        return cls(
            GazetteerEntry(
                e.kind,
                e.name,
                tuple(e.aliases or ()),
                e.code or "",
                frozenset(getattr(e, "scoped", ()) or ()),
            )
            for e in entries
        )

    @classmethod
    def default(cls) -> Gazetteer:
        """The Gazetteer of the data files, built once per process."""
        return _default()

    def entries(self):
        """Iterate over the ``GazetteerEntry`` objects, in file order."""
        return iter(self._entries)

    def match(self, doc, caseless: bool = False):
        """``(start, end, [entries])`` token spans of known names; one name may name two
        actors ("inter-Korean" → both Koreas)."""
        matcher = self.caseless if caseless else self.exact
        return [(start, end, self._ids[mid]) for mid, start, end in matcher(spacy_doc(doc))]

    def lookup(self, kind: str, name: str) -> GazetteerEntry | None:
        """The entry of ``kind`` one of whose names normalises like ``name``."""
        return self.by_key.get((kind, normalise_name(name)))


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer(default_entries())
