"""Text preparation: undo scraper damage while keeping offsets into the original body.

``prepare(body, glue_heads, glue_tails)`` returns a ``Prepared`` text: the cleaned string,
an offset map back to the original, and the character ranges (in the cleaned string) that
name no actor: bylines, credit lines and wire datelines' agency names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.entities.credits import CAPTION_STOP, credit_ranges
from archive.text_shapes import byline_spans

# Reuters-21578 paragraph marks kept literally as "&\t" (ampersand, backslash, t).
PARAGRAPH_MARK = re.compile(r"&\\t")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "U.S.-South Korea", "U.S.-led": a dotted abbreviation glued by a hyphen to a word is one
# token to the tokenizer; both sides of the hyphen are cut apart so each name is found.
DOTTED_HYPHEN = re.compile(r"(?<=\b[A-Z]\.[A-Z]\.)-(?=[A-Za-z])")
# "(KCNA) --Kim Jong Un": a double hyphen used as a dash glued to the capital after it makes
# one token of both; a space is put between them.
GLUED_DASH = re.compile(r"(?<=--)(?=[A-Z])")
# "Nameplate of the commission./Courtesy of the commission": a caption's source glued by a
# slash to the caption's closing stop makes one token of the words around the slash (the
# caption stop of ``credits.SLASH_SOURCE``).
GLUED_SLASH = re.compile(rf"{CAPTION_STOP}/(?=[A-Z])")
GLUE_LOOKBACK = 30  # characters before a cut searched for the last word of a known name
# Hard-wrapped wire text: WRAP_MIN_LINES lines or more, WRAP_SHARE of them WRAP_LINE_CHARS
# long, none longer than WRAP_MAX_CHARS.
WRAP_MIN_LINES, WRAP_SHARE, WRAP_LINE_CHARS, WRAP_MAX_CHARS = 4, 0.5, (40, 80), 90


@dataclass
class Prepared:
    text: str
    offsets: list[int]
    excluded: list[tuple[int, int]]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of the cleaned span ``start:end``."""
        return self.offsets[start], self.offsets[end - 1] + 1

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)


def prepare(text: str, glue_heads: frozenset, glue_tails: frozenset, glue_names: dict) -> Prepared:
    """Clean ``text``: paragraph marks and no-break spaces become spaces; glued names are split.

    A word is split where a lower-case letter meets a capital only when the right part
    starts with a known name's first word ("ComradeKim" → "Comrade Kim") or the left part
    ends with a known name's last word ("SungSquare" → "Sung Square"), so real camel-case
    names (McDonnell, YouTube) stay whole; a known full name directly followed by a lower-case
    letter is split after the name ("Kim Jong Unin" → "Kim Jong Un in").
    Hard-wrapped wire text (most lines 40-80 characters, none longer than 90) has its single line breaks turned
    into spaces, so names broken across lines are whole again.
    """
    # a no-break space is a space inside a name ("Emerging Infectious\xa0Diseases"); the
    # tokenizer would make it a token of its own and cut the name there
    text = unwrap(PARAGRAPH_MARK.sub("   ", text).replace("\u00a0", " "))
    cuts = [
        m.start() for m in CAMEL.finditer(text) if _glued(text, m.start(), glue_heads, glue_tails)
    ]
    cuts += [c for m in DOTTED_HYPHEN.finditer(text) for c in (m.start(), m.end())]
    cuts += [m.start() for m in GLUED_DASH.finditer(text)]
    cuts += [c for m in GLUED_SLASH.finditer(text) for c in (m.start(), m.end())]
    cuts = sorted(set(cuts) | set(glued_after(text, glue_names)))
    pieces, offsets, last = [], [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        offsets.extend(range(last, cut))
        pieces.append(" ")
        offsets.append(cut)
        last = cut
    pieces.append(text[last:])
    offsets.extend(range(last, len(text)))
    clean = "".join(pieces)
    return Prepared(clean, offsets, excluded_ranges(clean))


def unwrap(text: str) -> str:
    lines = text.split("\n")
    low, high = WRAP_LINE_CHARS
    wrapped = [line for line in lines if low <= len(line.rstrip()) <= high]
    if (
        len(lines) < WRAP_MIN_LINES
        or len(wrapped) < WRAP_SHARE * len(lines)
        or max(map(len, lines)) > WRAP_MAX_CHARS
    ):
        return text
    return re.sub(r"(?<=\S)\n(?=[ \t]*\S)", " ", text)


def glued_after(text: str, names: dict) -> list[int]:
    """Offsets just after a known full name glued to a following lower-case word."""
    cuts = []
    for head, full_names in names.items():
        for m in re.finditer(rf"{head} ", text):
            for name in full_names:
                end = m.start() + len(name)
                if text.startswith(name, m.start()) and end < len(text) and text[end].islower():
                    cuts.append(end)
                    break
    return cuts


def _glued(text: str, cut: int, heads: frozenset, tails: frozenset) -> bool:
    right = re.match(r"[A-Z][a-z]*", text[cut:])
    left = re.search(r"[A-Z]?[a-z]+$", text[max(0, cut - GLUE_LOOKBACK) : cut])
    return bool((right and right.group() in heads) or (left and left.group() in tails))


def excluded_ranges(text: str) -> list[tuple[int, int]]:
    """Bylines (``text_shapes.byline_spans``) and credits (``credits.credit_ranges``): they
    mention no actor."""
    return byline_spans(text) + credit_ranges(text)
