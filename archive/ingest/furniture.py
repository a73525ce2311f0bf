"""Page furniture and credit lines: a line is furniture when it matches a pattern in
``data/furniture.txt`` ("Share this", "Read more") and is not a long sentence, and a credit
when it matches one in ``data/credits.txt`` ("Editing by …", "Additional reporting by …")."""

from __future__ import annotations

import re
from functools import cache

from archive.ingest import metadata


@cache
def _patterns(name: str) -> list[re.Pattern]:
    lines = (metadata.DATA / name).read_text(encoding="utf-8").splitlines()
    return [re.compile(line, re.I) for line in lines if line.strip() and not line.startswith("#")]


def is_furniture(line: str) -> bool:
    line = _plain_quotes(line)
    return any(p.match(line) for p in _patterns("furniture.txt")) and not _fullmatch_prose(line)


def _plain_quotes(line: str) -> str:
    return line.translate(str.maketrans("‘’‛′“”„", "''''\"\"\""))


def _fullmatch_prose(line: str) -> bool:
    # A long sentence that merely starts like furniture ("Share prices fell ...") is prose.
    return (
        len(line.split()) >= 14
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
    return any(p.search(line) for p in _patterns("credits.txt"))
