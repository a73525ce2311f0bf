"""A United Nations agency named by what it does: "the U.N. nuclear watchdog" is the IAEA,
"the UN refugee agency" the UNHCR (``data/un_descriptors.tsv``), not the United Nations.

The rule: a mention of the United Nations (possibly possessive: "the UN's food agency"), then
a lower-case descriptor of the table; the mention becomes the agency the gazetteer knows.
"""

from __future__ import annotations

import functools

from archive.entities.entries import DATA, read_table
from archive.entities.gazetteer import tokenizer
from archive.entities.known import Mention
from archive.entities.roles import after_possessive
from archive.entities.types import ORGANIZATION, UNITED_NATIONS


@functools.cache
def descriptors() -> tuple[tuple[tuple[str, ...], str], ...]:
    """``((descriptor tokens, agency name), ...)``, longest descriptor first."""
    nlp = tokenizer()
    table = [
        (tuple(t.text for t in nlp.make_doc(row[0])), row[1])
        for row in read_table(DATA / "un_descriptors.tsv")
    ]
    return tuple(sorted(table, key=lambda pair: -len(pair[0])))


def agency_mentions(doc, mentions: list[Mention], gazetteer) -> list[Mention]:
    """``mentions`` with each "UN <descriptor>" made the agency it names."""
    out = []
    for m in mentions:
        agency = agency_after(doc, m, gazetteer)
        out.append(agency or m)
    return out


def agency_after(doc, mention: Mention, gazetteer) -> Mention | None:
    if mention.kind != ORGANIZATION or len(mention.entries) != 1:
        return None
    if mention.entries[0].name != UNITED_NATIONS:
        return None
    start = after_possessive(doc, mention.end)
    for words, name in descriptors():
        end = start + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[start:end]) == words:
            entry = gazetteer.lookup(ORGANIZATION, name)
            if entry is not None:
                return Mention(
                    ORGANIZATION, doc[mention.start : end].text, mention.start, end, (entry,)
                )
    return None
