"""python manage.py evaluate_korean_search — particle-form queries against the bare noun.

Koreans type nouns with their particles (평양에서 "in Pyongyang", 일본의 "Japan's"). For each
noun and particle, the articles the search returns for the particle form are compared with the
articles that contain the noun at the start of a word (a regular expression on the raw text:
the noun preceded by the start of the text or a non-Hangul character, so 서울시 and 서울에서
count for 서울). Recall and precision are printed per noun and overall; so is the share of
returned articles that have the noun anywhere, even inside a compound (미니앨범 for 앨범). The
search matches a noun from the start of a word too (``analysis.py``: a noun inside a compound
is indexed marked), so 앨범 does not find 미니앨범, which 미니앨범 finds.

The Korean corpus is indexed into a throw-away Whoosh index built by the project's backend
class (``archive.search.scratch_index``: same schema, same analyzer) and queries go through
the backend's own parser; no database is involved.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.search.analysis import HANGUL
from archive.search.scratch_index import ScratchIndex

# Nouns that occur in corpus/ko (an entertainment and culture news sample), from place and
# country names to common nouns; several of them have compounds (서울시, 한국인, 걸그룹…).
NOUNS = (
    "서울",
    "일본",
    "중국",
    "한국",
    "가수",
    "배우",
    "그룹",
    "앨범",
    "무대",
    "방송",
    "멤버",
    "데뷔",
    "음악",
    "영화",
    "아이돌",
    "트와이스",
)
# Each particle as (after a final consonant, after a vowel).
PARTICLES = (
    ("에서", "에서"),
    ("의", "의"),
    ("에", "에"),
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("으로", "로"),
    ("과", "와"),
    ("도", "도"),
)


def has_final_consonant(word: str) -> bool:
    """True if the last syllable of ``word`` ends in a consonant (batchim)."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def particle_forms(noun: str) -> list[str]:
    """The noun with each particle, in the allomorph its last syllable calls for."""
    index = 0 if has_final_consonant(noun) else 1
    return [noun + pair[index] for pair in PARTICLES]


def word_start_re(noun: str) -> re.Pattern:
    return re.compile(rf"(?<![{HANGUL}]){re.escape(noun)}")


@dataclass
class Tally:
    found: int = 0  # returned and expected
    returned: int = 0
    expected: int = 0
    inside: int = 0  # returned and containing the noun anywhere (미니앨범 for 앨범)

    def add(self, returned: set, expected: set, anywhere: set) -> None:
        self.found += len(returned & expected)
        self.returned += len(returned)
        self.expected += len(expected)
        self.inside += len(returned & anywhere)

    def merge(self, other: Tally) -> None:
        for name in ("found", "returned", "expected", "inside"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        return (
            f"{label}\trecall {ratio(self.found, self.expected)}  "
            f"precision {ratio(self.found, self.returned)}  "
            f"(noun anywhere in a word: {ratio(self.inside, self.returned)})"
        )


def ratio(part: int, whole: int) -> str:
    return f"{part / whole if whole else 1.0:.3f} ({part}/{whole})"


def korean_articles(corpus: Path) -> list[dict]:
    files = sorted((corpus / "ko").glob("*.jsonl"))
    if not files:
        raise CommandError(f"no Korean corpus files in {corpus / 'ko'}")
    articles = []
    for path in files:
        with path.open(encoding="utf-8") as lines:
            articles.extend(json.loads(line) for line in lines if line.strip())
    return articles


def indexed_text(article: dict) -> str:
    """Title, author and body, as the index template joins them."""
    parts = (article.get("title"), article.get("author"), article.get("text"))
    return "\n".join(part or "" for part in parts)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        default = str(settings.CORPUS_DIR)
        parser.add_argument(
            "--corpus", default=default, help=f"corpus directory (default {default})"
        )
        parser.add_argument(
            "--misses", action="store_true", help="list the articles each query missed or added"
        )

    def handle(self, *args, **options):
        articles = korean_articles(Path(options["corpus"]))
        texts = [indexed_text(a) for a in articles]
        with tempfile.TemporaryDirectory(prefix="peninsula-ko-eval-") as path:
            started = time.perf_counter()
            index = ScratchIndex(
                path, [(a.get("title") or "", t) for a, t in zip(articles, texts, strict=True)]
            )
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"Korean particle-form queries: {len(articles)} articles indexed in "
                f"{seconds:.1f} s; {len(NOUNS)} nouns x {len(PARTICLES)} particles"
            )
            total = Tally()
            for noun in NOUNS:
                tally = self.score_noun(noun, index, articles, texts, options["misses"])
                total.merge(tally)
                self.stdout.write(tally.line(noun))
            self.stdout.write(total.line("overall"))

    def score_noun(self, noun, index, articles, texts, misses: bool) -> Tally:
        expected = {i for i, text in enumerate(texts) if word_start_re(noun).search(text)}
        anywhere = {i for i, text in enumerate(texts) if noun in text}
        tally = Tally()
        for form in particle_forms(noun):
            returned = index.search(form)
            tally.add(returned, expected, anywhere)
            if misses and returned != expected:
                self.report_misses(form, articles, returned, expected)
        return tally

    def report_misses(self, form, articles, returned, expected):
        missed = sorted(articles[i]["id"] for i in expected - returned)
        added = sorted(articles[i]["id"] for i in returned - expected)
        self.stdout.write(f"  {form}: missed {missed} added {added}")
