"""Shapes of text that make a capitalised name an organization, or no organization.

A name is an organization when a noun introduces it ("chipmaker SK Hynix", "the journal
Nature"), an outlet noun follows it ("Vogue magazine", "RIA news agency", "a Gallup Korea
poll"), a stock code follows it ("Hanmi Pharmaceutical (128940.KS)"), "&" joins its capitals
("Johnson & Johnson") or a spokesperson speaks for it ("a spokeswoman for Rebellions"). A
meeting of a body ("Plenary Meeting of the Central Committee of ...") and a facility where
something happens ("a reception at the Taedonggang Diplomatic Club") are no organizations;
the ordinal of a body's term is no part of its name ("Eighth Central Committee").
"""

from __future__ import annotations

import functools
import re

from archive.entities import rules
from archive.entities.gazetteer import Gazetteer
from archive.entities.known import CALLED, Mention
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON

PLURAL_OF = 2  # "Members of" before a chunk: a plural word and "of"


ORDINAL = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth"
    r"|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth"
    r"|Nineteenth|Twentieth)"
)
MEETINGS = frozenset({"Meeting", "Session", "Plenum", "Conference", "Sitting"})


def meeting_of(doc, span) -> bool:
    """ "Plenary Meeting of the Central Committee of the WPK", "20th Congress of the CPC": a
    meeting of a body is an event, not an organization (the body after "of" still counts).
    A congress is a meeting only with its ordinal ("Congress of Mexico" is a parliament)."""
    of = next((i for i in range(span.start, span.end) if doc[i].text == "of"), -1)
    if of <= span.start:
        return False
    last = doc[of - 1].text
    if last in MEETINGS:
        return True
    before = doc[span.start - 1].text if span.start > 0 else ""
    ordinal = ORDINAL.fullmatch(before) or any(
        ORDINAL.fullmatch(t.text) for t in doc[span.start : of]
    )
    return last == "Congress" and bool(ordinal)


def term_free_name(span) -> str:
    """ "Eighth Central Committee of the WPK": the ordinal of a body's term is no part of
    its name."""
    words = [t.text_with_ws for t in span if not ORDINAL.fullmatch(t.text)]
    return rules.clean_org_name("".join(words))


PLACE_PREPOSITIONS = frozenset({"at", "in", "inside", "near", "outside", "of", "from", "to"})


def facility_where(doc, span) -> bool:
    """ "a reception at the Taedonggang Diplomatic Club": a facility's name (its last word in
    ``data/facility_heads.txt``) after a preposition of place and "the" is where, not who."""
    if doc[span.end - 1].text not in rules.words("facility_heads.txt") or span.start < 2:
        return False
    return doc[span.start - 1].lower_ == "the" and doc[span.start - 2].lower_ in PLACE_PREPOSITIONS


def introduced_company(doc, chunk, known) -> Mention | None:
    """ "chipmaker Rebellions", "research firm Gartner", "a group called Harbor Watch": a
    capitalised name right after a company noun (``data/company_descriptors.txt``, or a body
    noun and "called"/"named") is a company, unless a title, a known
    name or a stop word is in it ("firm Chairman Lee", "the firm Monday") or it starts with a
    common given name ("the maker Jane Doe")."""
    start = chunk.start
    if chunk.end - start > 1 and opening_descriptor(doc[start]):
        start += 1  # "Chipmaker Rebellions said", opening a sentence
    elif not after_company_noun(doc, start):
        return None
    tokens = doc[start : chunk.end]
    if (
        rules.strip_leading(tokens) != 0
        or tokens[0].text in rules.given_names()
        or any(rules.is_title(t) for t in tokens)
        or overlaps_known(start, chunk.end, known)
        or (len(tokens) == 1 and person_word(tokens[0].text))
    ):
        return None  # "the firm Kim founded": a person's name
    return org_mention(doc, start, chunk.end)


def after_company_noun(doc, start: int) -> bool:
    """A company noun right before ``start`` ("chipmaker X"), or a company or body noun and
    "called"/"named" ("a startup called X", "a group named X")."""
    if start == 0:
        return False
    if doc[start - 1].lower_ in CALLED and start >= 2:
        noun = doc[start - 2].lower_
        return noun in rules.words("company_descriptors.txt") or noun in rules.words(
            "appositive_heads.txt"
        )
    return doc[start - 1].lower_ in rules.words("company_descriptors.txt")


def opening_descriptor(token) -> bool:
    """A company noun opening a chunk ("Chipmaker ..."); a capitalised head word such as
    "Party" or "Group" opens a name instead ("Party for Peace and Unity")."""
    descriptor = token.lower_ in rules.words("company_descriptors.txt")
    return descriptor and token.text not in rules.org_heads()


NEWS_NOUNS = frozenset({"agency", "service", "website", "site", "channel"})  # "news agency"


def outlet_noun_at(doc, i: int) -> bool:
    """An outlet noun at ``i``: "magazine", or "news" and its noun ("news agency")."""
    if i >= len(doc):
        return False
    if doc[i].lower_ in rules.words("outlet_nouns.txt"):
        return True
    return doc[i].lower_ == "news" and i + 1 < len(doc) and doc[i + 1].lower_ in NEWS_NOUNS


def described_outlet(doc, chunk, known) -> Mention | None:
    """ "Vogue magazine", "the Hankyoreh newspaper": a capitalised name right before an outlet
    noun (``data/outlet_nouns.txt``) is a news outlet, unless it is a country or a known
    person, or a title is in it ("the Chinese newspaper", "Editor Jane Doe magazine"). A noun
    followed by a name introduces that name ("Local broadcaster KBS", "State daily Rodong
    Sinmun"): the words before it describe the outlet, they are not its name."""
    if not outlet_noun_at(doc, chunk.end) or introduces_name(doc, chunk.end):
        return None
    tokens = doc[chunk.start : chunk.end]
    first = rules.strip_leading(tokens)
    if first >= len(tokens) or any(rules.is_title(t) for t in tokens):
        return None
    start = chunk.start + first
    if any(m.start <= start and chunk.end <= m.end and m.kind != ORGANIZATION for m in known):
        return None  # "the Chinese newspaper", "the Trump magazine"
    return org_mention(doc, start, chunk.end)


def introduces_name(doc, i: int) -> bool:
    """The outlet noun at ``i`` (one word, or "news agency") stands before a capitalised name."""
    after = i + (2 if doc[i].lower_ == "news" else 1)
    return after < len(doc) and rules.is_cap(doc[after])


# A stock code in brackets after a name: Reuters instrument codes ("005930.KS", "NFLX.O")
# and the older "<RBK>".
TICKER = re.compile(r"[0-9A-Z]{1,8}\.[A-Z]{1,3}|[A-Z]{1,5}")
TICKER_BRACKETS = {"(": ")", "<": ">"}


def ticker_name(doc, chunk, known) -> Mention | None:
    """ "Hanmi Pharmaceutical (128940.KS)", "Reebok International <RBK>": a name followed by
    its stock code is a listed company, unless a known person or country is the name."""
    end = chunk.end
    if end + 2 >= len(doc) or TICKER_BRACKETS.get(doc[end].text) != doc[end + 2].text:
        return None
    code = doc[end + 1].text
    if not TICKER.fullmatch(code) or (doc[end].text == "(" and "." not in code):
        return None  # "(KCNA)", "(UN)": an abbreviation in brackets is no stock code
    tokens = doc[chunk.start : end]
    first = skip_plural_of(doc, chunk.start, tokens, rules.strip_leading(tokens))
    start = chunk.start + first
    if start >= end or any(
        m.start <= start and end <= m.end and m.kind != ORGANIZATION for m in known
    ):
        return None
    return org_mention(doc, start, end)


APPOSITIVE_OPENERS = frozenset({"a", "an", "the"})
APPOSITIVE_WORDS = 8  # tokens of "a Washington-based advocacy group" after the comma, at most
# Words that end the appositive's noun phrase: its head noun is the word before them.
PHRASE_ENDS = frozenset(
    {
        "based",
        "headquartered",
        "founded",
        "owned",
        "run",
        "backed",
        "that",
        "which",
        "whose",
        "in",
        "with",
        "for",
        "on",
        "at",
        "from",
        "and",
        "known",
        "specializing",
        "specialising",
    }
)


def appositive_body(doc, chunk, known) -> Mention | None:
    """ "Kellan Watch, a Washington-based advocacy group", "Brightwave, a startup": a name
    followed by a comma and a noun phrase whose head noun is an organization noun
    (``data/appositive_heads.txt``) is an organization, unless a known name (other than a
    country opening it: "Qatar Energy"), a title or a given name is in it. "think tank" needs "think"; "a group of islands" is no body."""
    if not appositive_head_at(doc, chunk.end):
        return None
    start = chunk.start + rules.strip_leading(doc[chunk.start : chunk.end])
    if start >= chunk.end or doc[start].text in rules.given_names():
        return None
    if any(
        m.start < chunk.end and start < m.end
        for m in known
        if not leading_country(m, start, chunk.end)
    ):
        return None
    if any(rules.is_title(t) for t in doc[start : chunk.end]):
        return None
    return org_mention(doc, start, chunk.end)


def leading_country(mention, start: int, end: int) -> bool:
    """ "Qatar Energy": a country opening a longer name is part of that name."""
    return mention.kind == COUNTRY and mention.start == start and mention.end < end


def appositive_head_at(doc, comma: int) -> bool:
    """ ", a Seoul-based think tank," after a name: the head noun of the phrase after the
    comma is an organization noun."""
    if comma + 2 >= len(doc) or doc[comma].text != ",":
        return False
    opened = appositive_opened(doc, comma + 1)
    if opened < 0:
        return False
    last = before_and = -1
    for i in range(opened, min(len(doc), opened + APPOSITIVE_WORDS)):
        tok = doc[i]
        if tok.text in {"-", "'s", "\u2019s"}:
            continue  # "Seoul-based", "the country's": modifiers
        if tok.lower_ == "and" and i + 1 < len(doc) and doc[i + 1].is_lower:
            before_and = last  # "an oil and gas company": the phrase goes on
            continue
        if doc[i - 1].text != "-" and (tok.is_punct or tok.lower_ in PHRASE_ENDS):
            break
        if rules.is_title(tok) or tok.lower_ == "of":
            return False  # "a former executive", "a group of islands"
        last = i
    else:
        return False
    return any(
        k >= 0 and not doc[k].text[:1].isupper() and appositive_head(doc, k)
        for k in (last, before_and)
    )


def appositive_opened(doc, i: int) -> int:
    """Where the appositive's noun phrase goes on after its opener at ``i``: an article ("a",
    "the") or a place's possessive (", Qatar's state-owned oil company"); -1 if none."""
    if doc[i].lower_ in APPOSITIVE_OPENERS:
        return i + 1
    possessive = i + 1 < len(doc) and doc[i + 1].text in rules.POSSESSIVE_PARTS
    return i + 2 if possessive and rules.is_cap(doc[i]) else -1


def appositive_head(doc, last: int) -> bool:
    """The phrase's last word, or hyphenated compound ("think-tank", "start-up"), is an
    organization noun; "tank" only after "think"."""
    head = doc[last].lower_
    if doc[last - 1].text == "-":
        head = f"{doc[last - 2].lower_}-{head}"
    if head == "tank":
        return doc[last - 1].lower_ == "think"
    return head in rules.words("appositive_heads.txt")


# Words that cite a source before its name ("told X", "according to X", "reported by X",
# "an interview with X", "a report by X", "citing X", "quoted by X") or after it
# ("X reported", "X reports").
CITED_BEFORE = (
    ("told",),
    ("according", "to"),
    ("reported", "by"),
    ("interview", "with"),
    ("report", "by"),
    ("citing",),
    ("cited", "by"),
    ("quoted", "by"),
)
CUE_ENDS = frozenset(cue[-1] for cue in CITED_BEFORE)
CITED_AFTER = frozenset({"reported", "reports"})


def cited_outlet(doc, chunk, known) -> Mention | None:
    """ "told Hanbit Weekly", "according to Harbor Pulse", "Harbor Pulse reported": a name
    no other rule reads as a person or a body, cited as a source, is a news outlet; not a
    name before a role ("the Watergate reporter") or before a source noun ("Korean news
    reports", ``data/source_nouns.txt``) or after a possessive ("Axios' Jane Doe").
    A one-word name needs the citing phrase before it and is not a person's: no given name,
    Korean family name, known person's surname or last word of a longer name in the text
    ("according to Walsh" after "Mike Walsh")."""
    before = cited_before(doc, chunk.start)
    if not (before or cited_after(doc, chunk.end)):
        return None
    start = chunk.start + rules.strip_leading(doc[chunk.start : chunk.end])
    if start >= chunk.end:
        return None
    if chunk.end < len(doc) and rules.is_title(doc[chunk.end]):
        return None  # "told the Watergate reporter": the name modifies a person's role
    if chunk.end < len(doc) and doc[chunk.end].text in rules.words("source_nouns.txt"):
        return None  # "according to Korean news reports": the name modifies the sources
    if start > 0 and doc[start - 1].text in rules.POSSESSIVE_PARTS:
        return None  # "Axios' Jane Doe reports": a reporter of the outlet
    tokens = doc[start : chunk.end]
    if len(tokens) == 1 and not before:
        return None  # "Others reported": one word needs a citing phrase before it
    if tokens[-1].text in rules.org_heads():
        return None  # "according to the Foreign Ministry": a body named by its role
    if overlaps_known(start, chunk.end, known):
        return None
    if tokens[0].text in rules.given_names() or any(rules.is_title(t) for t in tokens):
        return None
    if len(tokens) == 1 and surname_like(doc, tokens[0].text):
        return None
    return org_mention(doc, start, chunk.end)


def cited_before(doc, start: int) -> bool:
    """A citing phrase ends at ``start`` (an optional "the" between)."""
    end = start - (start > 0 and doc[start - 1].lower_ == "the")
    if end < 1 or doc[end - 1].lower_ not in CUE_ENDS:
        return False
    for cue in CITED_BEFORE:
        begin = end - len(cue)
        if begin >= 0 and all(doc[begin + k].lower_ == word for k, word in enumerate(cue)):
            return True
    return False


def cited_after(doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in CITED_AFTER


def person_word(word: str) -> bool:
    """A given name, a Korean family name or a known person's surname."""
    return (
        word in rules.given_names() or word in rules.korean_surnames() or word in known_surnames()
    )


def surname_like(doc, word: str) -> bool:
    """A one-word name that may be a person's surname (see ``cited_outlet``)."""
    if person_word(word):
        return True
    pattern = rf"(?<![\w'-])([A-Z][\w'.-]*)\s+{re.escape(word)}(?![\w'-])"
    return any(m.group(1) not in rules.stop_capitals() for m in re.finditer(pattern, doc.text))


SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})


def spoken_for(doc, chunk, known) -> Mention | None:
    """ "a spokeswoman for Rebellions": a one-word name a spokesperson speaks for is an
    organization, unless it is a person's name (a given name, a Korean family name or a
    known person's surname: "a spokesman for Clinton")."""
    start = chunk.start
    if chunk.end - start != 1 or start < 2 or doc[start - 1].lower_ != "for":
        return None
    if doc[start - 2].lower_ not in SPOKESPEOPLE or inside_known(start, known):
        return None
    word = doc[start].text
    if person_word(word):
        return None
    return Mention(ORGANIZATION, word, start, chunk.end)


@functools.lru_cache(maxsize=1)
def known_surnames() -> frozenset:
    """Last words of the default gazetteer's persons ("Clinton")."""
    return frozenset(
        name.split()[-1]
        for e in Gazetteer.default().entries()
        if e.kind == PERSON
        for name in (e.name, *e.aliases)
        if len(name.split()) > 1
    )


def ampersand_name(doc, chunk, known) -> Mention | None:
    """ "Johnson & Johnson", "CJ E&M": capitals joined by an ampersand name a firm, unless a
    known name is in them or a title starts them; a lone glued word ("Q&A") is a word."""
    tokens = doc[chunk.start : chunk.end]
    first = skip_plural_of(doc, chunk.start, tokens, rules.strip_leading(tokens))
    named = tokens[first:]
    glued = len(named) > 1 and any("&" in t.text and t.text[:1].isupper() for t in named)
    if not (glued or any(t.text == "&" for t in named)):
        return None  # "Q&A", "M&A" alone are words
    if rules.is_title(tokens[first]) or any(
        m.start < chunk.end and chunk.start < m.end for m in known
    ):
        return None
    start = chunk.start + first
    return org_mention(doc, start, chunk.end)


def skip_plural_of(doc, start: int, tokens, first: int) -> int:
    """A sentence-initial plural noun before "of" is not part of the name:
    "Researchers of the Pyongyang Essential Oil Factory"."""
    at_sentence_start = (
        start + first == 0
        or doc[start + first - 1].is_sent_end
        or doc[start + first - 1].text in {".", "\n", ":"}
        or "\n" in doc[start + first - 1].whitespace_
    )
    if (
        at_sentence_start
        and first + PLURAL_OF < len(tokens)
        and tokens[first].text.endswith("s")
        and tokens[first + 1].text == "of"
    ):
        return first + PLURAL_OF + (tokens[first + PLURAL_OF].lower_ == "the")
    return first


def org_mention(doc, start: int, end: int) -> Mention:
    """``doc[start:end]`` as an organization, its name cleaned."""
    return Mention(ORGANIZATION, rules.clean_org_name(doc[start:end].text), start, end)


def overlaps_known(start: int, end: int, known) -> bool:
    """A known name shares a token with ``doc[start:end]``."""
    return any(m.start < end and start < m.end for m in known)


def inside_known(index: int, known) -> bool:
    """The head word belongs to a known name ("Korean People's Army", "Russian Federation")."""
    return any(m.start <= index < m.end for m in known)
