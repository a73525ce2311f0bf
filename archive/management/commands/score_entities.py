"""python manage.py score_entities — extraction scored against the gold annotations.

Builds the input from the gold file (each record looked up by id in its corpus file; seed
pages read with ``archive.ingest.readers.read_path`` so furniture is removed), runs extraction (or reads
``--predictions`` written by ``extract``), and prints micro P/R/F1 per type overall and per
origin, then the misses and false hits of each article.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.entities.evaluation import ORIGINS, TYPES, predict, score
from archive.ingest.document import ParsedDocument
from archive.ingest.readers import read_path


def seed_record(path: Path, record_id: str) -> dict:
    """Title and body of a seed page as the ingest reader sees them (furniture removed)."""
    for item in read_path(path):
        if isinstance(item, ParsedDocument):
            return {"id": record_id, "title": item.title, "text": item.body}
    raise CommandError(f"the ingest reader found no article in {path}")


def corpus_records(corpus: Path, gold: list[dict], seeds: Path) -> list[dict]:
    wanted: dict[str, set] = {}
    for g in gold:
        wanted.setdefault(g["corpus_file"], set()).add(g["id"])
    found = {}
    for corpus_file, ids in wanted.items():
        if corpus_file == "seeds":
            found.update({i: seed_record(seeds / i, i) for i in ids})
            continue
        path = corpus / corpus_file
        if not path.exists():
            raise CommandError(f"corpus file not found: {path}")
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record["id"] in ids:
                    found[record["id"]] = record
    missing = [g["id"] for g in gold if g["id"] not in found]
    if missing:
        raise CommandError(f"gold ids not in the corpus: {', '.join(missing[:5])}")
    return [found[g["id"]] for g in gold]


class Command(BaseCommand):
    help = "Score entity extraction against the gold annotations (P/R/F1 per type and origin)."

    def add_arguments(self, parser):
        default_corpus = settings.CORPUS_DIR
        parser.add_argument("--corpus", type=Path, default=default_corpus)
        parser.add_argument(
            "--gold",
            type=Path,
            help="default: <corpus>/gold/entities.jsonl; corpus_file paths are relative to --corpus",
        )
        parser.add_argument("--seeds", type=Path, default=Path(settings.BASE_DIR) / "seeds")
        parser.add_argument("--predictions", type=Path, help="output of the extract command")
        parser.add_argument(
            "--quiet", action="store_true", help="scores only, no per-article errors"
        )

    def handle(self, **options):
        gold_path = options["gold"] or options["corpus"] / "gold" / "entities.jsonl"
        if not gold_path.exists():
            raise CommandError(f"gold file not found: {gold_path}")
        gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
        predicted = self._predictions(options, gold)
        scores = score(zip(gold, predicted, strict=True))
        self._table(scores)
        if not options["quiet"]:
            self._errors(scores)

    def _predictions(self, options, gold):
        if options["predictions"]:
            by_id = {}
            for line in options["predictions"].open(encoding="utf-8"):
                if line.strip():
                    record = json.loads(line)
                    by_id[record["id"]] = record
            return [by_id.get(g["id"], {"id": g["id"]}) for g in gold]
        records = corpus_records(options["corpus"], gold, options["seeds"])
        return [predict(r) for r in records]

    def _table(self, scores):
        # known origins in a fixed order, then any other corpus file a gold set points at
        present = dict.fromkeys(group for group, _ in scores.by_group)
        groups = [g for g in ["overall", *ORIGINS.values()] if g in present]
        groups += [g for g in present if g not in groups]
        self.stdout.write(
            f"{'group':<14}{'type':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"
        )
        for group in groups:
            for kind in TYPES:
                tally = scores.by_group.get((group, kind))
                if tally is None:
                    continue
                p, r, f = tally.prf()
                self.stdout.write(
                    f"{group:<14}{kind:<15}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tally.tp:>6}{tally.fp:>5}{tally.fn:>5}"
                )

    def _errors(self, scores):
        self.stdout.write("\nmisses (-) and false hits (+) per article:")
        for record_id, kind, missed, false in scores.errors:
            label = lambda item: item if isinstance(item, str) else item["name"]  # noqa: E731
            parts = [f"-{label(m)}" for m in missed] + [f"+{label(f)}" for f in false]
            self.stdout.write(f"  {record_id} {kind}: {'; '.join(parts)}")
