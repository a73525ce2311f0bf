"""A legislature named by its bare chamber word: "Congress passed the bill", "the Senate
voted", "the speaker of the House" name the United States' chambers when the text names the
United States (``data/chambers.tsv``).

The word stands alone: no capitalised word before it other than a sentence-opening "The"
("National People's Congress", "White House" are other bodies), and no capitalised word or
"of" after it ("House of Representatives", "House Armed Services Committee" are found as
names). "House" and "Senate" need "the" before them ("a House subcommittee" is no chamber).
"""

from __future__ import annotations

import functools

from archive.entities import rules
from archive.entities.entries import DATA, read_table
from archive.entities.known import Mention
from archive.entities.types import COUNTRY, ORGANIZATION

NEED_ARTICLE = frozenset({"Senate", "House"})


@functools.cache
def chambers() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in read_table(DATA / "chambers.tsv")}


def chamber_mentions(doc, mentions: list[Mention], gazetteer, text: str = "") -> list[Mention]:
    """``mentions`` plus the chambers named by their bare word (see the module docstring);
    ``text`` is ``doc.text`` when the caller has it."""
    text = text or doc.text
    if not any(word in text for word in chambers()):
        return mentions
    taken = {i for m in mentions if not m.surname_only for i in range(m.start, m.end)}
    codes = {e.code for m in mentions if m.kind == COUNTRY for e in m.entries}
    found = []
    for tok in doc:
        if tok.text not in chambers() or tok.i in taken or not alone(doc, tok.i):
            continue
        code, body = chambers()[tok.text]
        entry = gazetteer.lookup(ORGANIZATION, body)
        if code in codes and entry is not None:
            # not an alias: "Congress", "the House" name other bodies in other texts
            found.append(Mention(ORGANIZATION, tok.text, tok.i, tok.i + 1, (entry,), alias=False))
    if not found:
        return mentions
    at = {m.start for m in found}
    kept = [m for m in mentions if not (m.surname_only and m.start in at)]
    return sorted(kept + found, key=lambda m: m.start)


def alone(doc, i: int) -> bool:
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and (after.lower_ == "of" or rules.is_cap(after)):
        return False
    if doc[i].text in NEED_ARTICLE:
        return before is not None and before.lower_ == "the"
    return before is None or before.lower_ == "the" or not rules.is_cap(before)
