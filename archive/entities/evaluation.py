"""Evaluation against the gold annotations (``GUIDELINES.md``): records in, predictions out, scores.

- ``predict(record)``: ``{"id","title","text"}`` → ``{"id","persons","countries","organizations"}``.
- ``read_records(lines)``: yields ``(line_no, record)`` or ``(line_no, error message)``.
- ``score(pairs)``: micro P/R/F1 per type over ``(gold, predicted)`` pairs, matching actors
  one-to-one by normalised name/alias equality.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON, normalise_name

TYPES = ("persons", "countries", "organizations")
ORIGINS = {
    "kcna_stiles-north-korea-news.jsonl": "KCNA",
    "reuters21578_korea.jsonl": "Reuters 1987",
    "dailymail_finescoop_korea.jsonl": "Daily Mail",
    "seeds": "seeds",
    "ko/soynlp_korean_news_sample.jsonl": "Korean news",
}


def predict(record: dict, gazetteer=None) -> dict:
    """The evaluation output of one ``{"id","title","text"}`` record."""
    actors = extract(record["title"] or "", record["text"] or "", gazetteer=gazetteer)
    named = lambda kind: [{"name": a.name, "aliases": a.aliases} for a in actors if a.kind == kind]  # noqa: E731
    return {
        "id": record["id"],
        "persons": named(PERSON),
        "countries": sorted({a.code for a in actors if a.kind == COUNTRY and a.code}),
        "organizations": named(ORGANIZATION),
    }


def read_records(lines):
    """``(line_no, record)`` for good lines, ``(line_no, "error text")`` for bad ones."""
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield line_no, f"line {line_no}: not valid JSON ({error.msg})"
            continue
        if not isinstance(record, dict):
            yield line_no, f"line {line_no}: not a JSON object"
            continue
        missing = [k for k in ("id", "title", "text") if k not in record]
        bad = [
            k
            for k in ("title", "text")
            if k in record and not isinstance(record[k], (str, type(None)))
        ]
        if missing or bad:
            what = f"missing {', '.join(missing)}" if missing else f"non-text {', '.join(bad)}"
            yield line_no, f"line {line_no}: record {record.get('id', '?')!r} {what}"
            continue
        yield line_no, record


def keys(item) -> set[str]:
    """Normalised names of one actor of a record: a country code, or a name and its aliases."""
    if isinstance(item, str):
        return {item.upper()}
    return {normalise_name(n) for n in [item["name"], *item.get("aliases", [])] if n}


def match(gold: list, predicted: list) -> tuple[list, list, list]:
    """One-to-one matching: ``(matched pairs, missed gold, false predictions)``.

    Augmenting paths (Kuhn's algorithm) so one system actor matching two gold actors does not
    steal the only match of another.
    """
    gold_keys = [keys(g) for g in gold]
    pred_keys = [keys(p) for p in predicted]
    edges = [[j for j, pk in enumerate(pred_keys) if gk & pk] for gk in gold_keys]
    owner: dict[int, int] = {}

    def augment(i, seen):
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    matched_gold = set(owner.values())
    pairs = [(gold[i], predicted[j]) for j, i in owner.items()]
    missed = [g for i, g in enumerate(gold) if i not in matched_gold]
    false = [p for j, p in enumerate(predicted) if j not in owner]
    return pairs, missed, false


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp, fp, fn):
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    by_group: dict = field(default_factory=dict)  # (group, type) → Tally
    errors: list = field(default_factory=list)  # (id, type, missed, false)

    def tally(self, group, kind) -> Tally:
        return self.by_group.setdefault((group, kind), Tally())


def score(pairs) -> Scores:
    """``pairs``: ``(gold_record, predicted_record)``; groups are "overall" and the origin."""
    scores = Scores()
    for gold, predicted in pairs:
        origin = ORIGINS.get(gold.get("corpus_file", ""), gold.get("corpus_file", "?"))
        for kind in TYPES:
            matched, missed, false = match(gold.get(kind, []), predicted.get(kind, []))
            for group in ("overall", origin):
                scores.tally(group, kind).add(len(matched), len(false), len(missed))
            if missed or false:
                scores.errors.append((gold["id"], kind, missed, false))
    return scores
