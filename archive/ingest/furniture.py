"""Page furniture and credit lines: a line is furniture when it matches a pattern in
``data/furniture.txt`` ("Share this", "Read more") and is not a long sentence, and a credit
when it matches one in ``data/credits.txt`` ("Editing by …", "Additional reporting by …")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from archive.entities.credit_words import CREDIT_ROLES, alternation
from archive.ingest import metadata
from archive.text_shapes import LINE_CACHE

PROSE_WORDS = 14  # a sentence this long that ends in a full stop is text, not furniture


@cache
def _pattern(name: str) -> re.Pattern:
    """The file's expressions as one alternation (one match call per line, not one per
    expression: is_furniture runs on every line of every dump, several times)."""
    lines = (metadata.DATA / name).read_text(encoding="utf-8").splitlines()
    expressions = [
        line.replace("{credit_roles}", alternation(CREDIT_ROLES))
        for line in lines
        if line.strip() and not line.startswith("#")
    ]
    return re.compile("|".join(f"(?:{e})" for e in expressions), re.I)


@lru_cache(maxsize=LINE_CACHE)
def is_furniture(line: str) -> bool:
    line = _plain_quotes(line)
    return bool(_pattern("furniture.txt").match(line)) and not _fullmatch_prose(line)


def _plain_quotes(line: str) -> str:
    return line.translate(str.maketrans("‘’‛′“”„", "''''\"\"\""))


def _fullmatch_prose(line: str) -> bool:
    # A long sentence that merely starts like furniture ("Share prices fell ...") is prose.
    return (
        len(line.split()) >= PROSE_WORDS
        and line.endswith(".")
        and not re.search(
            r"newsletter|cookie|subscribe|sign up|donat|mailing list|all rights reserved|©|"
            r"appears in print|data (is )?provided by|terms (of|under which)",
            line,
            re.I,
        )
    )


def is_credit(line: str) -> bool:
    line = _plain_quotes(line)
    return bool(_pattern("credits.txt").search(line))
