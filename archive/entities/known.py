"""Known names in a text: gazetteer matches, minus blocked phrases, plus names nested in
longer organization names.

``Mention`` is the unit passed from finding to resolution: a token span, its kind, and the
gazetteer entries it names (none for rule finds).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from archive.entities import rules
from archive.entities.gazetteer import Gazetteer, tokenizer
from archive.entities.tokens import spacy_doc
from archive.entities.types import COUNTRY, ORGANIZATION

CONTEXT_FREE_METONYMS = rules.words("context_free_metonyms.txt")
EVENT_WORDS = rules.words("event_words.txt")
INDEX_NAMES = rules.words("index_names.txt")
INDEX_FOLLOWERS = rules.words("index_followers.txt")
INDEX_OWNERS = frozenset({"Japan", "Tokyo", "London", "Hong Kong"})  # "Japan's Nikkei"
PAIR_TOKENS = 2  # tokens of "North and" before "South Korea"; words of "South Korea"
NESTED_MIN_WORDS = 2  # words of a known name counted inside a longer organization name


@dataclass
class Mention:
    """One mention of an actor in one text, as a token span of that text's doc."""

    kind: str
    text: str
    start: int  # token indices
    end: int
    entries: tuple = ()  # gazetteer entries; empty for rule finds
    surname_only: bool = False
    titled: bool = False
    nested: bool = False  # inside a longer organization name: counted, no span of its own
    alias: bool = True  # False: a short form that names the actor only in this text's context
    cued: bool = False  # a bare name with its own cue ("Ms. Roe", "Roe said")
    unconfirmed: bool = False  # a full name without evidence: kept if its bare name is cued


def leading_country(doc, outer, start, end, entries) -> list[Mention]:
    """A country named inside an organization name does not count (GUIDELINES: "Korean Air",
    "National Bank of Kuwait"), except as the leading modifier of a government body, which
    says whose body it is ("U.S. Department of Transportation", "South Korean Ministry of ...")."""
    for org in outer:
        if org.start == start and end < org.end:
            words = {t.text for t in doc[end : org.end]}
            if words & rules.government_heads():
                return [
                    Mention(COUNTRY, doc[start:end].text, start, end, tuple(entries), nested=True)
                ]
    return []


def in_title(doc, mention) -> bool:
    """An organization named only in a person's title ("U.S. Treasury Secretary James Baker",
    "Treasury secretary James Baker") is not annotated (GUIDELINES); one whose spokesperson
    speaks is."""
    if mention.kind != ORGANIZATION or mention.end + 1 >= len(doc):
        return False
    title = doc[mention.end]
    if not rules.is_title(title) or not rules.is_cap(doc[mention.end + 1]):
        return False
    # "U.S. Treasury secretary James Baker": a lower-case office names no body either; a
    # spokesperson speaks for one ("State Department spokesman Ned Price")
    return rules.is_cap(title) or not title.lower_.startswith("spokes")


def names_no_organization(doc, mention) -> bool:
    """An organization named only as a modifier names none: inside a person's title (see
    ``in_title``), inside an event's name (``event_name``, ``exercise_name``) or a facility's
    name (``facility_named``) or a ship's (``ship_named``), or as a stock index
    (``stock_index``); a common noun's abbreviation names none (``noun_abbreviation``), nor
    a name given to a thing (``dubbed``)."""
    if mention.kind != ORGANIZATION:
        return False
    return (
        in_title(doc, mention)
        or event_name(doc, mention)
        or exercise_name(doc, mention)
        or stock_index(doc, mention)
        or shouted_word(doc, mention)
        or facility_named(doc, mention)
        or ship_named(doc, mention)
        or noun_abbreviation(doc, mention)
        or dubbed(doc, mention)
    )


DUBBING = frozenset({"dubbed", "codenamed", "code-named", "nicknamed", "christened"})
# The plain verbs that give a thing or a body its name ("a tanker named X", "a group called X").
CALLED = frozenset({"called", "named"})


def dubbed(doc, mention) -> bool:
    """ "an exercise dubbed Ulchi Freedom Guardian", "a missile nicknamed ...": a name given
    to a thing by "dubbed", "codenamed" or "nicknamed" names an operation, a weapon or a
    product, not an organization ("a group called ..." may name one)."""
    i = mention.start - 1
    while i >= 0 and (doc[i].lower_ == "the" or doc[i].is_quote):
        i -= 1
    if i >= 2 and doc[i].lower_ == "named" and doc[i - 1].text == "-":
        return doc[i - 2].lower_ == "code"  # "code-named", cut into three tokens
    return i >= 0 and doc[i].lower_ in DUBBING


def noun_abbreviation(doc, mention) -> bool:
    """ "signed an MOU": an abbreviation of a common noun (``data/noun_abbreviations.txt``)
    names the organization that also goes by it only when the text names that organization
    by another of its names as well."""
    if mention.text not in rules.words("noun_abbreviations.txt") or len(mention.entries) != 1:
        return False
    entry = mention.entries[0]
    others = [n for n in (entry.name, *entry.aliases) if n != mention.text and n.isascii()]
    text = doc.text
    return not any(re.search(rf"\b{re.escape(n)}\b", text) for n in others)


VESSEL_NOUNS = frozenset(
    {"carrier", "tanker", "freighter", "vessel", "ship", "containership", "ferry", "cruiser"}
)


def ship_named(doc, mention) -> bool:
    """ "the bulk carrier Hyundai New World": a known organization that starts a ship's name
    (after a vessel noun, more capitalised words following) is not named by it; "mobile
    carrier KT said" still names the carrier."""
    if mention.start == 0 or doc[mention.start - 1].lower_ not in VESSEL_NOUNS:
        return False
    return mention.end < len(doc) and rules.is_cap(doc[mention.end]) and doc[mention.end].is_alpha


FACILITY_NAME_WORDS = 3  # capitalised words after the organization, up to the facility head


def facility_named(doc, mention) -> bool:
    """ "Lotte World Tower", "Harbor Bank Stadium": an organization whose name starts a
    facility's name (its last word in ``data/facility_heads.txt``) is not named by it."""
    heads = rules.words("facility_heads.txt")
    for i in range(mention.end, min(len(doc), mention.end + FACILITY_NAME_WORDS)):
        if not rules.is_cap(doc[i]) or not doc[i].is_alpha:
            return False
        if doc[i].text in heads:
            return i + 1 >= len(doc) or not rules.is_cap(doc[i + 1])
    return False


def shouted_word(doc, mention) -> bool:
    """ "TRUMP'S FINAL WORDS - WHO HE'S NOW BLASTING": in a line written in capitals, an
    abbreviation that spells a common sentence word ("WHO", ``data/stop_capitals.txt``) is
    the word, not the organization."""
    text = mention.text
    if mention.end - mention.start != 1 or not text.isupper():
        return False
    if text.capitalize() not in rules.stop_capitals():
        return False
    near = [doc[i] for i in (mention.start - 1, mention.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in near)


def exercise_name(doc, mention) -> bool:
    """ "the Ulchi Freedom Guardian exercise": a name the gazetteer does not know right before
    an exercise word (``data/exercise_words.txt``) names a military exercise."""
    return (
        not mention.entries
        and mention.end < len(doc)
        and doc[mention.end].lower_ in rules.words("exercise_words.txt")
    )


def event_name(doc, mention) -> bool:
    """ "the APEC summit", "Mercedes-Benz Fashion Week": an event named after an organization
    is an event (``data/event_words.txt``), not the organization."""
    end = mention.end
    if end >= len(doc):
        return False
    two = doc[end : end + 2].text
    return doc[end].text in EVENT_WORDS or two in EVENT_WORDS


def stock_index(doc, mention) -> bool:
    """ "Japan's Nikkei rose", "the Nikkei share average": a newspaper or company that names a
    stock index (``data/index_names.txt``) is the index when a market word follows it
    (``data/index_followers.txt``) or a market's place owns it; "the Nikkei reported" and
    "Japan's Nikkei newspaper" are the newspaper."""
    if mention.text not in INDEX_NAMES:
        return False
    after = doc[mention.end].lower_ if mention.end < len(doc) else ""
    if after in rules.words("outlet_nouns.txt") or after == "business":
        return False  # "Japan's Nikkei newspaper", "the Nikkei business daily"
    owner = mention.start >= 2 and doc[mention.start - 1].text in rules.POSSESSIVE_PARTS
    return after in INDEX_FOLLOWERS or (owner and doc[mention.start - 2].text in INDEX_OWNERS)


def nested_known(doc, mentions, raw) -> list[Mention]:
    """Known persons and organizations named inside a longer organization name: the
    "Kim Il Sung" of "Kim Il Sung University", the WPK of "WPK Central Committee"."""
    outer = [m for m in mentions if m.kind == ORGANIZATION and not m.nested]
    inner = []
    for start, end, entries in raw:
        if entries[0].kind == COUNTRY:
            inner += leading_country(doc, outer, start, end, entries)
            continue
        if end - start < NESTED_MIN_WORDS:
            continue  # one-word modifiers such as the "UN" of "UN Command"
        for org in outer:
            if org.start <= start and end <= org.end and (start, end) != (org.start, org.end):
                if entries[0].kind == ORGANIZATION and ends_longer_name(doc, org, start, end):
                    break
                inner.append(
                    Mention(
                        entries[0].kind,
                        doc[start:end].text,
                        start,
                        end,
                        tuple(entries),
                        nested=True,
                    )
                )
                break
    return inner


def ends_longer_name(doc, outer, start: int, end: int) -> bool:
    """A known name that ends a longer one, not after "of (the)", is not named by it: the
    "Liberal Democratic Party" is not the Democratic Party, "Japan's Defense Ministry" is not
    the ministry the gazetteer calls "Defense Ministry"; the WPK of "Central Committee of the
    WPK" is named, and so is a body after a title ("Chairman State Affairs Commission").
    Nor is a known name that starts a longer one continued by "of" ("Democratic Party of
    Korea" does not name the Democratic Party) or a longer known one ("United Nations
    Command" does not name the United Nations)."""
    if start == outer.start and end < outer.end:
        # "Democratic Party of Korea" is not the Democratic Party; a known body's own name
        # ("United Nations Command", "United Nations Security Council") does not name the
        # body it starts with
        return doc[end].lower_ == "of" or bool(outer.entries)
    if end != outer.end or start <= outer.start:
        return False
    before = doc[start - 1]
    return before.lower_ not in {"of", "the"} and not rules.is_title(before)


def known_mentions(doc, gazetteer: Gazetteer, caseless: bool, text: str = ""):
    """Longest non-overlapping gazetteer matches (with the countries of coordinated halves and
    datelines; ``text`` is ``doc.text`` when the caller has it), and all raw matches (for
    nested names)."""
    hits = {}
    for start, end, entries in gazetteer.match(doc, caseless=caseless) + (
        gazetteer.match(doc) if caseless else []
    ):
        if not misleading_metonym(doc, start, end):
            entries = [e for e in entries if not scoped_inside_name(doc, start, end, e)]
            if entries:
                hits[(start, end)] = entries
    blocked = [doc[s:e] for _, s, e in blockers()(spacy_doc(doc))]
    spans = filter_spans(blocked + [doc[s:e] for s, e in hits])
    mentions = []
    for span in spans:
        entries = hits.get((span.start, span.end))
        if entries:  # a span of a blocker phrase has none
            mentions.append(
                Mention(entries[0].kind, span.text, span.start, span.end, tuple(entries))
            )
    raw = [(s, e, entries) for (s, e), entries in hits.items()]
    extra = elliptical_countries(doc, mentions, gazetteer) + dateline_capitals(
        doc, mentions, gazetteer, text
    )
    return sorted(mentions + extra, key=lambda m: m.start), raw


# A line opening with one to three words in capitals ("KUALA LUMPUR") before a bracket,
# comma, colon or dash.
DATELINE = re.compile(r"(?m)^[ \t]*([A-Z]{2,}(?: [A-Z]{2,}){0,2})[ \t]*(?:\(|,|:|-|\u2014|\u2013)")


def dateline_capitals(doc, mentions, gazetteer, text: str = "") -> list[Mention]:
    """ "SEOUL (Reuters) -", "WASHINGTON, Oct 5 -": a capital written in capitals opening a
    line before a bracket, comma or dash is the dateline, and a dateline's capital counts
    as its country (GUIDELINES)."""
    found = []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for match in DATELINE.finditer(text or doc.text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        entry = gazetteer.lookup(COUNTRY, span.text)
        if entry is not None:
            found.append(Mention(COUNTRY, span.text, span.start, span.end, (entry,)))
    return found


ELLIPTICAL = {"North": "South", "South": "North"}  # "North and South Korea"


def elliptical_countries(doc, mentions, gazetteer) -> list[Mention]:
    """ "North and South Korea", "South and North Korean officials": the first half of a
    coordinated pair names its country with the noun the second half carries."""
    found = []
    for m in mentions:
        first = m.start - PAIR_TOKENS
        if m.kind != COUNTRY or first < 0 or m.end - m.start < PAIR_TOKENS:
            continue
        half, noun = doc[first].text, doc[m.start + 1 : m.end].text
        if doc[first + 1].lower_ != "and" or ELLIPTICAL.get(half) != doc[m.start].text:
            continue
        entry = gazetteer.lookup(COUNTRY, f"{half} {noun}")
        if entry is not None:
            found.append(Mention(COUNTRY, half, first, first + 1, (entry,)))
    return found


def scoped_inside_name(doc, start: int, end: int, entry) -> bool:
    """A merge-scoped alias ("Workers' Party") written inside a longer capitalised name
    ("Hungarian Workers' Party") does not name the entry it was merged into."""
    if doc[start:end].text not in entry.scoped:
        return False
    previous = doc[start - 1] if start > 0 else None
    before = previous is not None and rules.is_cap(previous) and not rules.is_stop(doc, start - 1)
    after = end < len(doc) and rules.is_cap(doc[end]) and "\n" not in doc[end - 1].whitespace_
    return bool(before or after)


def misleading_metonym(doc, start: int, end: int) -> bool:
    """ "the South China Sea" is not South Korea: "the North/South" before a capital."""
    text = doc[start:end].text
    return text in CONTEXT_FREE_METONYMS and end < len(doc) and rules.is_cap(doc[end])


@functools.lru_cache(maxsize=1)
def blockers() -> PhraseMatcher:
    """Phrases (``data/blockers.txt``) that contain a known name but name no actor."""
    nlp = tokenizer()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("blocker", [nlp.make_doc(p) for p in sorted(rules.words("blockers.txt"))])
    return matcher
