"""Snippets find the query's words without analysing each shown article as a whole."""

import json
import re
from itertools import islice
from pathlib import Path
from unittest import TestCase, mock

from django.conf import settings

from archive.search import analysis
from archive.search.analysis import HANGUL, peninsula_analyzer, term_spans
from archive.search.highlight import snippet

MIXED = (
    "The Presidents met; the president's MEETINGS went well. Élection results, naïve "
    "claims and 2024's figures: a the of. 대통령은 평양에서 North Koreans said nuclear "
    "nuclear-armed, Nuclear! missiles_2 and missile. Æsir, Ölpreise, ÆSIR and Straße."
)


def whole_text_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """The Latin spans as the analyzer finds them reading the whole text (Hangul blanked)."""
    latin = re.sub(rf"[{HANGUL}]+", lambda m: " " * len(m.group()), text)
    tokens = peninsula_analyzer()(latin, chars=True, mode="index")
    return [(t.startchar, t.endchar) for t in tokens if t.text in terms]


def corpus_bodies(limit=60):
    path = Path(settings.CORPUS_DIR) / "reuters21578_korea.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line).get("text") or "" for line in islice(lines, limit)]


class SnippetTests(TestCase):
    def test_words_are_found_as_the_whole_texts_analysis_finds_them(self):
        for text in [MIXED, *corpus_bodies()]:
            words = {t.text for t in peninsula_analyzer()(text, mode="index")}
            for terms in ({"presid", "meet", "nuclear"}, {"elect", "naiv", "2024"}, words):
                latin_terms = {t for t in terms if not re.search(f"[{HANGUL}]", t)}
                self.assertEqual(term_spans(text, latin_terms), whole_text_spans(text, latin_terms))

    def test_a_word_is_analysed_once_however_often_it_is_shown(self):
        analysis.indexed_form.cache_clear()
        with mock.patch.object(analysis, "highlighter", wraps=analysis.highlighter) as calls:
            snippet("nuclear talks " * 50, {"nuclear"})
            snippet("nuclear talks " * 50, {"nuclear"})
        # "nuclear" once; "talks" cannot be indexed as a term starting with "n": never analysed
        self.assertEqual(calls.call_count, 1)

    def test_the_snippet_marks_the_stemmed_matches_and_escapes_the_rest(self):
        html = snippet("<b>Presidents</b> & the president's men", {"presid"})
        self.assertEqual(
            html,
            "&lt;b&gt;<mark>Presidents</mark>&lt;/b&gt; &amp; the <mark>president</mark>&#x27;s men",
        )
