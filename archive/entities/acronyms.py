"""An organization's acronym given in parentheses right after its full name ("Korea Institute
for Defense Analyses (KIDA)") names that organization wherever it stands later in the text,
so "KIDA said" is the institute, not a person nor a second organization.

The acronym must fit the name: its first letter is the name's first initial and its letters
follow the initials of the name's words in order ("Ministry of Trade, Industry and Energy
(MOTIE)"), or follow the name's letters in order ("Korea Exchange (KRX)", "Korea Electric Power Corp
(KEPCO)").
"""

from __future__ import annotations

import re

from archive.entities.entries import GazetteerEntry
from archive.entities.gazetteer import Gazetteer
from archive.entities.known import Mention
from archive.entities.resolve import company_stem, known_entry
from archive.entities.rules import CONNECTORS, acronym, org_heads
from archive.entities.types import ORGANIZATION, PERSON

PARENTHESISED = 3  # tokens of "(", the acronym, ")"


def fits(short: str, name: str) -> bool:
    """``short`` is an acronym of ``name`` (see the module docstring)."""
    letters = short.replace(".", "")
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    initials = "".join(w[0] for w in words).upper()
    if not letters or not initials or letters[0] != initials[0]:
        return False
    # "Korea Exchange (KRX)", "Korea Electric Power Corp (KEPCO)": letters taken from inside
    # the words, in order
    return in_order(letters[1:], initials[1:]) or in_order(letters[1:], "".join(words).upper()[1:])


def in_order(letters: str, pool: str) -> bool:
    rest = iter(pool)
    return all(letter in rest for letter in letters)


def defined_acronyms(
    doc, mentions: list[Mention], gazetteer: Gazetteer | None = None
) -> dict[str, tuple[Mention, GazetteerEntry]]:
    """``{acronym: (defining mention, entry)}`` for each "<organization> (<ACRONYM>)"; a
    rule-found name that spells a known one ("Harbor Shipping & Offshore Co" for the known
    "Harbor Shipping and Offshore") is that known organization."""
    found = {}
    for m in mentions:
        end = m.end + PARENTHESISED
        if m.kind != ORGANIZATION or m.nested or end > len(doc):
            continue
        opening, short, closing = doc[m.end : end]
        if opening.text != "(" or closing.text != ")" or not acronym(short.text):
            continue
        if short.text in found or not fits(short.text, m.text):
            continue
        entry = m.entries[0] if m.entries else known_acronym(mentions, short.i, m.text)
        if entry is None and gazetteer is not None:
            entry = next(iter(known_entry(m, gazetteer)), None)
        found[short.text] = (m, entry or own_entry(m.text, short.text))
    return found


def known_acronym(mentions: list[Mention], i: int, name: str) -> GazetteerEntry | None:
    """ "Munhwa Broadcasting Corp (MBC)": a known acronym says which known body the name is,
    when the name holds every word of its own of one of that body's names ("People's Power
    Party (PPP)" is the People Power Party; "Fair Trade Council (FTC)", sharing only "trade",
    is no Federal Trade Commission)."""
    words = own_words(name)
    for m in mentions:
        if m.start == i and m.end == i + 1 and m.kind == ORGANIZATION and len(m.entries) == 1:
            entry = m.entries[0]
            if any(set() < own_words(n) <= words for n in (entry.name, *entry.aliases)):
                return entry
    return None


def own_words(name: str) -> set[str]:
    """The case-folded words of a name, possessives dropped, other than head words and
    connectors ("People's Power Party" -> {"people", "power"})."""
    words = (re.sub(r"['\u2019]s?$", "", w) for w in name.split())
    return {w.lower() for w in words if w and w not in org_heads() and w not in CONNECTORS}


def own_entry(name: str, short: str) -> GazetteerEntry:
    """An entry for a rule-found organization, keyed like its rule mentions (by company stem)."""
    stem = company_stem(name)
    return GazetteerEntry(
        ORGANIZATION, stem, tuple(dict.fromkeys(n for n in (name, short) if n != stem))
    )


def acronym_mentions(
    doc, mentions: list[Mention], gazetteer: Gazetteer | None = None
) -> list[Mention]:
    """``mentions`` with each defined acronym, and its defining name, made one organization;
    a later use that another rule found ("according to the HRX") is that organization too."""
    defined = defined_acronyms(doc, mentions, gazetteer)
    if not defined:
        return mentions
    defining = {id(m): entry for m, entry in defined.values()}
    out = []
    for m in mentions:
        if id(m) in defining and not m.entries:
            m = Mention(m.kind, m.text, m.start, m.end, (defining[id(m)],), nested=m.nested)
        elif redefined(m, defined):
            m = Mention(m.kind, m.text, m.start, m.end, (defined[m.text][1],), nested=m.nested)
        if not replaced_by_acronym(m, defined):
            out.append(m)
    taken = {i for m in out for i in range(m.start, m.end)}
    for tok in doc:
        if tok.text in defined and tok.i not in taken and tok.i >= defined[tok.text][0].end:
            out.append(Mention(ORGANIZATION, tok.text, tok.i, tok.i + 1, (defined[tok.text][1],)))
    return sorted(out, key=lambda m: m.start)


def redefined(mention: Mention, defined: dict) -> bool:
    """ "the Fair Trade Commission (FTC)": an acronym the gazetteer knows as another body's
    names, from its definition on, the organization the text defines it for."""
    if mention.kind != ORGANIZATION or not mention.entries or mention.text not in defined:
        return False
    defining, entry = defined[mention.text]
    return mention.start >= defining.end and entry not in mention.entries


def replaced_by_acronym(mention: Mention, defined: dict) -> bool:
    """A one-word person or organization found by the rules ("according to the HRX") that
    spells a defined acronym is the acronym."""
    return (
        mention.kind in (PERSON, ORGANIZATION)
        and not mention.entries
        and mention.text in defined
        and mention.end - mention.start == 1
    )
