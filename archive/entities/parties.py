"""Parties named short: "Democrats", "GOP", "the Democratic nominee".

A short form of ``data/party_short_names.tsv`` names its party only in political context: an
adjective ("Democratic", "Republican") when a political role word follows ("Democratic
nominee Joe Biden", "Democratic Gov."), a plural or abbreviation ("Democrats", "GOP") when the
text has a political word (``data/political_words.txt``). A text that names another party of
the same short name in full ("Democratic Party of Korea") means that one. A ruling party named
short ("the Workers' Party") is that country's when the text names the country.
"""

from __future__ import annotations

import functools

from archive.entities.entries import DATA, read_table, words
from archive.entities.known import Mention
from archive.entities.types import COUNTRY, ORGANIZATION

ADJECTIVES = frozenset({"Democratic", "Republican"})
IN_FULL_COLUMN = 2  # party_short_names.tsv: short form, party, party meant when named in full


@functools.cache
def country_parties() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in read_table(DATA / "country_parties.tsv")}


def country_party_mentions(doc, mentions: list[Mention], gazetteer) -> list[Mention]:
    """ "the ruling Workers' Party" in a text that names North Korea is the Workers' Party of
    Korea (``data/country_parties.tsv``); a rule-found name only, so "Hungarian Workers'
    Party", a longer name, stays its own party."""
    codes = {e.code for m in mentions if m.kind == COUNTRY for e in m.entries}
    out = []
    for m in mentions:
        entry = (
            party_body(m, codes, gazetteer) if m.kind == ORGANIZATION and not m.entries else None
        )
        if entry is not None:
            # not an alias: "Workers' Party" names other parties in other texts
            m = Mention(
                ORGANIZATION, m.text, m.start, m.end, (entry,), nested=m.nested, alias=False
            )
        out.append(m)
    return out


def party_body(mention: Mention, codes: set, gazetteer):
    """The party a rule-found name names short, or the party's body it starts ("Workers'
    Party Central Committee" is the known "Workers' Party of Korea Central Committee")."""
    for short, (code, party) in country_parties().items():
        if code not in codes:
            continue
        if mention.text == short:
            return gazetteer.lookup(ORGANIZATION, party)
        if mention.text.startswith(short + " "):
            return gazetteer.lookup(ORGANIZATION, party + mention.text[len(short) :])
    return None


@functools.cache
def short_names() -> dict[str, tuple[str, str]]:
    table = read_table(DATA / "party_short_names.tsv")
    return {
        row[0]: (row[1], row[IN_FULL_COLUMN] if len(row) > IN_FULL_COLUMN else "") for row in table
    }


def political(token) -> bool:
    return token.text.rstrip(".") in words("political_words.txt")


def party_mentions(doc, mentions: list[Mention], gazetteer) -> list[Mention]:
    """``mentions`` plus the parties named short (see the module docstring)."""
    short = set(short_names())
    mentions = [m for m in mentions if not (m.entries == () and m.text in short)]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    named = {e.name for m in mentions for e in m.entries}
    context = any(political(t) for t in doc)
    found = []
    for tok in doc:
        if tok.i in taken or tok.text not in short_names():
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "Party":
            continue  # "Minjoo Party President Kim": the full name, left out inside a title
        if tok.text in ADJECTIVES:
            if tok.i + 1 >= len(doc) or not political(doc[tok.i + 1]):
                continue
        elif not context:
            continue
        party, instead = short_names()[tok.text]
        entry = gazetteer.lookup(ORGANIZATION, instead if instead in named else party)
        if entry is not None:
            found.append(Mention(ORGANIZATION, tok.text, tok.i, tok.i + 1, (entry,)))
    return country_party_mentions(doc, sorted(mentions + found, key=lambda m: m.start), gazetteer)
