"""``extract(title, body)``: gazetteer matches + rules, resolved into one Actor per real actor.

Steps, per text (title, then body): prepare (un-glue, drop credit lines), tokenize with
``spacy.blank("en")``, find gazetteer names (with datelines and "North and South Korea",
``known``), find capitalised chunks and classify the unknown ones (``rules``; names introduced
by a noun, before an outlet noun or a stock code, joined by "&", meetings and facilities that
are no bodies), add bodies named by role (``roles``), United Nations agencies named by what
they do (``un_agencies``), parties named short (``parties``), chambers named by their bare
word (``chambers``) and defined acronyms (``acronyms``); persons are confirmed or rejected
by their context (``person_context``); then
resolve within the article: a bare family/last name becomes the full name already mentioned,
all spellings of a name become one actor, a name up to a longer one's head word is its short
form.
"""

from __future__ import annotations

import functools

from archive.entities import acronyms, chambers, korean, parties, roles, rules, un_agencies
from archive.entities.gazetteer import Gazetteer, tokenizer
from archive.entities.known import Mention, known_mentions, names_no_organization, nested_known
from archive.entities.korean_words import has_hangul
from archive.entities.name_shapes import chinese_name, japanese_name
from archive.entities.org_shapes import (
    ampersand_name,
    appositive_body,
    cited_outlet,
    described_outlet,
    facility_where,
    inside_known,
    introduced_company,
    meeting_of,
    opening_descriptor,
    skip_plural_of,
    spoken_for,
    term_free_name,
    ticker_name,
)
from archive.entities.person_context import (
    confirmed_by_bare_name,
    coordinated_persons,
    opening_occupation,
    relative_of_known,
    thing_named,
)
from archive.entities.resolve import resolve
from archive.entities.text import prepare
from archive.entities.tokens import Tokens, as_tokens
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON, Actor, normalise_name


def extract(title: str, body: str, gazetteer: Gazetteer | None = None) -> list[Actor]:
    """One ``Actor`` per distinct actor of title + body; ``spans`` are offsets into ``body``."""
    gazetteer = gazetteer or Gazetteer.default()
    in_body = mentions_of(body or "", gazetteer, headline=False)
    in_title = mentions_of(title or "", gazetteer, headline=True)
    if is_title_case(title or ""):
        # Every word of a Title Case headline is capitalised, so its rule finds are only
        # trusted when the body names the same actor.
        body_names = {normalise_name(m.text) for m, _ in in_body}
        in_title = [
            (m, s) for m, s in in_title if m.entries or normalise_name(m.text) in body_names
        ]
    found = confirmed_by_bare_name(
        [(False, m, s) for m, s in in_title] + [(True, m, s) for m, s in in_body]
    )
    return [a for a in resolve(found, gazetteer) if not dependent_territory(a)]


def dependent_territory(actor: Actor) -> bool:
    """Guam, Puerto Rico and other dependent territories are places, not countries
    (GUIDELINES), although ISO gives them codes."""
    return actor.kind == COUNTRY and actor.code in rules.words("dependent_territories.txt")


def mentions_of(text: str, gazetteer: Gazetteer, headline: bool):
    """``(Mention, original char span)`` of one text, minus bylines and credit lines."""
    prepared = prepare(text, *glue_words(gazetteer))
    doc = Tokens(tokenizer().make_doc(prepared.text), prepared.text)
    out = []
    caseless = headline and is_shouting(prepared.text)
    for mention in find_mentions(doc, gazetteer, caseless, text=prepared.text):
        span = doc[mention.start : mention.end]
        if not prepared.is_excluded(span.start_char, span.end_char):
            out.append((mention, prepared.original(span.start_char, span.end_char)))
    if has_hangul(text):
        out = sorted(out + korean.mentions(text, gazetteer), key=lambda pair: pair[1])
    return out


# A headline is in title case when TITLE_CASE_SHARE of its words longer than
# TITLE_CASE_SHORT_WORD letters (at least TITLE_CASE_MIN_WORDS of them) are capitalised.
TITLE_CASE_SHORT_WORD, TITLE_CASE_MIN_WORDS, TITLE_CASE_SHARE = 3, 3, 0.8
# A text shouts when more than SHOUTING_SHARE of its letters (over SHOUTING_MIN_LETTERS) are capitals.
SHOUTING_MIN_LETTERS, SHOUTING_SHARE = 8, 0.8
NAME_MIN_WORDS = 2  # words of a full name; a title's tail is only stripped while one remains
ORG_MIN_WORDS = 2  # words of the shortest organization found by its head word
GAZETTEERS_CACHED = 8  # gazetteers whose glue words are kept
TITLE_OF = 2  # "vice-minister of" before a chunk: a title and "of"
OF_THE = 2  # "of the" before a nested organization
COUNTRY_MAX_WORDS = 3  # words of the longest country name read before a name ("North Korea")
# A known name with fewer free words than this before it: they are a descriptor, not a name.
MIN_WORDS_BEFORE_KNOWN = 4


def is_title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > TITLE_CASE_SHORT_WORD]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= TITLE_CASE_MIN_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(letters) > SHOUTING_MIN_LETTERS and capitals > SHOUTING_SHARE * len(letters)


@functools.lru_cache(maxsize=GAZETTEERS_CACHED)
def _glue_words(gazetteer_id: int, gazetteer: Gazetteer):
    heads, tails, names = set(), set(), {}
    for entry in gazetteer.entries():
        if entry.kind == PERSON:
            for name in (entry.name, *entry.aliases):
                parts = name.split()
                if len(parts) >= NAME_MIN_WORDS and parts[0].isalpha():
                    heads.add(parts[0])
                    tails.add(parts[-1])
                    names.setdefault(parts[0], set()).add(name)
    longest_first = {h: sorted(n, key=len, reverse=True) for h, n in names.items()}
    return frozenset(heads), frozenset(tails), longest_first


def glue_words(gazetteer: Gazetteer):
    return _glue_words(id(gazetteer), gazetteer)


def find_mentions(doc, gazetteer: Gazetteer, caseless: bool, text: str = "") -> list[Mention]:
    """Gazetteer and rule mentions of one text (``text``: ``doc.text``, when the caller has
    it), non-overlapping, in text order."""
    doc = as_tokens(doc)
    text = text or doc.text
    known, raw = known_mentions(doc, gazetteer, caseless, text)
    taken = {i for m in known for i in range(m.start, m.end)}
    chunk_mentions = []
    for chunk in rules.chunks(doc):
        chunk_mentions += classify_chunk(doc, chunk, known, taken)
    chunk_mentions = [spelled_by_known(m, raw) for m in chunk_mentions]
    overriding = [
        m
        for m in chunk_mentions
        if m.kind == ORGANIZATION or not taken.intersection(range(m.start, m.end))
    ]
    covered = {i for m in overriding if not m.nested for i in range(m.start, m.end)}
    kept = [m for m in known if not covered.intersection(range(m.start, m.end))]
    mentions = [
        relative_of_known(doc, m, taken)
        for m in kept + overriding
        if not names_no_organization(doc, m) and not thing_named(doc, m)
    ]
    mentions += nested_known(doc, mentions, raw)
    mentions = coordinated_persons(doc, sorted(mentions, key=lambda m: m.start))
    mentions = roles.role_mentions(doc, sorted(mentions, key=lambda m: m.start), gazetteer)
    mentions = un_agencies.agency_mentions(doc, mentions, gazetteer)
    mentions = parties.party_mentions(doc, mentions, gazetteer)
    mentions = chambers.chamber_mentions(doc, mentions, gazetteer, text)
    return acronyms.acronym_mentions(doc, mentions, gazetteer)


def spelled_by_known(mention: Mention, raw) -> Mention:
    """ "U.S. Treasury Department": a rule-found organization whose every word lies inside
    overlapping known names of one organization ("U.S. Treasury", "Treasury Department")
    is that organization, not a second one."""
    if mention.kind != ORGANIZATION or mention.entries:
        return mention
    covered: dict = {}
    for start, end, entries in raw:
        if mention.start <= start and end <= mention.end and len(entries) == 1:
            if entries[0].kind == ORGANIZATION:
                covered.setdefault(entries[0].name, [entries[0], set()])[1].update(
                    range(start, end)
                )
    for entry, tokens in covered.values():
        if tokens == set(range(mention.start, mention.end)):
            return Mention(
                ORGANIZATION,
                mention.text,
                mention.start,
                mention.end,
                (entry,),
                nested=mention.nested,
            )
    return mention


def classify_chunk(doc, chunk, known, taken) -> list[Mention]:
    """Organization or person mentions of an unknown chunk."""
    parts = coordinated(doc, chunk) or listed_after_known(doc, chunk, known)
    if parts:
        return [m for part in parts for m in classify_chunk(doc, part, known, taken)]
    introduced = (
        introduced_company(doc, chunk, known)
        or described_outlet(doc, chunk, known)
        or ampersand_name(doc, chunk, known)
        or ticker_name(doc, chunk, known)
        or spoken_for(doc, chunk, known)
        or appositive_body(doc, chunk, known)
    )
    if introduced is not None:
        return [introduced]
    tokens = doc[chunk.start : chunk.end]
    head = rules.org_head_index(tokens, skip=lambda k: inside_known(chunk.start + k, known))
    first = rules.strip_leading(tokens)
    if first < len(tokens) - 1 and opening_descriptor(tokens[first]):
        first += 1  # "Chipmaker SK Hynix rose": the noun that introduces a name is not in it
    elif (
        head < 0
        and first < len(tokens) - NAME_MIN_WORDS
        and opening_occupation(tokens[first])
        and not rules.family_name_first(tokens[first:])
    ):
        first += 1  # "Farmer Jane Roe said": the occupation that introduces her is not her name
    first = skip_plural_of(doc, chunk.start, tokens, first)
    person = person_before_of(doc, chunk, first, head, known, taken)
    if person:
        return person
    if head >= 0 and (titled_at(tokens, first) or after_title_of(doc, chunk.start)):
        # "Minister of IT Industry Ju Yong Il": an organization inside a title is not annotated
        return listed_before(doc, chunk, first, head, known, taken) + person_mentions(
            doc, chunk.start + head + 1, chunk.end, taken, titled=True
        )
    if head >= first and head >= 0:
        title = rules.first_title_index(tokens[head + 1 :])
        if title >= 0:
            # "Army Chief of Staff Gen. James McConville": an organization inside a title
            # is not annotated; the person after the title is, and a name listed before it
            return listed_before(doc, chunk, first, head, known, taken) + person_mentions(
                doc, chunk.start + head + 1 + title, chunk.end, taken, titled=True
            )
        span = org_span(doc, chunk.start + first, chunk.start + head, chunk.end)
        if (
            span is not None
            and span.end - span.start >= ORG_MIN_WORDS
            and specific(doc, span.start, span.end, known)
            and rules.clean_org_name(span.text) not in rules.words("not_organizations.txt")
            and doc[span.end - 1].text not in rules.words("non_org_tails.txt")
            and not rules.is_title(doc[span.end - 1])  # "Navy Capt. Jeff Davis": a rank
            and not facility_where(doc, span)
        ):
            if meeting_of(doc, span):
                return nested_orgs(doc, span, known)
            outer = Mention(ORGANIZATION, term_free_name(span), span.start, span.end)
            return [outer, *nested_orgs(doc, span, known)]
    extended = extended_known_org(doc, chunk, first, known) or known_org_of(
        doc, chunk, first, known
    )
    if extended is not None:
        return [extended]
    return person_or_outlet(doc, chunk, first, known, taken)


def listed_before(doc, chunk, first: int, head: int, known, taken) -> list[Mention]:
    """ "MP Jane Roe and Harbor Foods CEO John Doe": the mentions of the words listed before
    "and" ahead of an organization inside a person's title."""
    tokens = doc[chunk.start : chunk.start + head]
    k = next((i for i in range(len(tokens) - 1, first, -1) if tokens[i].lower_ == "and"), -1)
    if k <= first or any(t.lower_ == "of" for t in tokens[first:k]):
        return []  # "Minister of Trade and Industry ...": the "and" is inside a body's name
    return classify_chunk(doc, rules.Chunk(chunk.start, chunk.start + k), known, taken)


def person_or_outlet(doc, chunk, first: int, known, taken) -> list[Mention]:
    """The last reading of a chunk: a person, else a cited outlet ("told Harbor Weekly");
    a bare one-word name is an outlet when cited so (``cited_outlet`` rules out surnames)."""
    start = chunk.start + first
    if after_title_of(doc, start):
        return portfolio_then_name(doc, start, chunk.end, taken)
    based = based_end(doc, start, chunk.end)
    if based and not taken.intersection(range(based, chunk.end)):
        # "New Jersey-based Uri Tours said": what is based somewhere is a body, not a person
        return [Mention(ORGANIZATION, doc[based : chunk.end].text, based, chunk.end)]
    found = person_mentions(doc, start, chunk.end, taken)
    if found and not (len(found) == 1 and (found[0].surname_only or found[0].unconfirmed)):
        return found
    outlet = cited_outlet(doc, chunk, known)
    return [outlet] if outlet is not None else found


# Participles of a hyphenated descriptor saying where a body sits ("Seoul-based").
SEAT_WORDS = frozenset({"based", "headquartered"})


def based_end(doc, start: int, end: int) -> int:
    """The index after "<Place>-based" inside ``doc[start:end]`` when capitalised words follow
    it, else 0."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in SEAT_WORDS and doc[k - 1].text == "-" and not doc[k - 1].whitespace_:
            return k + 1 if all(rules.is_cap(t) for t in doc[k + 1 : end]) else 0
    return 0


def portfolio_then_name(doc, start: int, end: int, taken) -> list[Mention]:
    """ "Minister of IT Industry Jane Roe": after "<title> of", the words of the portfolio
    come first and the name last; the name is the longest tail of two words or more shaped
    like a person's (a common given name first, or a Korean, Chinese or Japanese name). With
    none, the words finish the title ("the Minister of Public Health said") unless the title
    tails rule finds a name ("Secretary of State Jane Roe")."""
    for k in range(max(start, end - rules.NAME_MAX_WORDS), end - 1):
        if doc[k].text == "-" or doc[k - 1].text == "-":
            continue  # inside a hyphenated word
        parts = rules.name_words(doc[k:end])
        if rules.looks_like_name(parts) and shaped_like_name(parts):
            return person_mentions(doc, k, end, taken, titled=True)
    found = person_mentions(doc, start, end, taken)
    return [m for m in found if m.start > start]


def shaped_like_name(parts: list[str]) -> bool:
    return (
        parts[0] in rules.given_names()
        or rules.korean_name(parts)
        or chinese_name(parts)
        or japanese_name(parts)
    )


def coordinated(doc, chunk) -> list:
    """ "Republic of Korea Navy and United States Navy": two names with the same head word
    joined by "and" are two organizations ("Ministry of Trade and Industry" is one; so is
    "Samsung Shipbuilding and Heavy Industries", whose heads differ)."""
    last = doc[chunk.end - 1].text
    for k in range(chunk.start + 1, chunk.end - 1):
        if doc[k].lower_ in {"and", "&"} and doc[k - 1].text == last and last in rules.org_heads():
            right = k + 1 + (doc[k + 1].lower_ == "the")
            return [rules.Chunk(chunk.start, k), rules.Chunk(right, chunk.end)]
    return []


def listed_after_known(doc, chunk, known) -> list:
    """ "SK Hynix and Hyundai Heavy Industries": a known organization named whole before
    "and"/"&" opens a list of names, not a longer name ("Ministry of Trade and Industry" is
    one name: its first part is not a name the gazetteer knows on its own)."""
    for m in known:
        if m.kind != ORGANIZATION or not chunk.start <= m.start or m.end >= chunk.end - 1:
            continue
        if m.start == chunk.start + rules.strip_leading(doc[chunk.start : chunk.end]):
            if doc[m.end].lower_ in {"and", "&"} and rules.is_cap(doc[m.end + 1]):
                return [rules.Chunk(chunk.start, m.end), rules.Chunk(m.end + 1, chunk.end)]
    return []


def extended_known_org(doc, chunk, first: int, known) -> Mention | None:
    """A specific name built on a known one: "Reunification Democratic Party" is not the
    "Democratic Party" the gazetteer knows."""
    start = chunk.start + first
    for m in known:
        if m.kind == ORGANIZATION and m.end == chunk.end and m.start > start:
            if specific(doc, start, m.start, known) and not listed(doc, start, m.start):
                span = doc[start : chunk.end]
                if meeting_of(doc, span):
                    return None
                return Mention(ORGANIZATION, term_free_name(span), span.start, span.end)
    return None


def known_org_of(doc, chunk, first: int, known) -> Mention | None:
    """ "Democratic Party of Japan", "Liberal Democratic Party of Russia": a known name
    continued by "of <name>" is another, specific organization."""
    start = chunk.start + first
    for m in known:
        if m.kind == ORGANIZATION and m.start == start and m.end + 1 < chunk.end:
            if doc[m.end].text == "of" and rules.is_cap(doc[m.end + 1]):
                span = doc[start : chunk.end]
                return Mention(ORGANIZATION, rules.clean_org_name(span.text), span.start, span.end)
    return None


def listed(doc, start: int, end: int) -> bool:
    """ "Uber and Alibaba": words joined to a known name by "and"/"&" list another name."""
    return any(t.lower_ in {"and", "&"} for t in doc[start:end])


def person_before_of(doc, chunk, first: int, head: int, known, taken) -> list[Mention]:
    """ "Nam Sung-wook of Korea University": a person's name, then where they work."""
    tokens = doc[chunk.start : chunk.end]
    while first < len(tokens) - 1 and rules.is_title(tokens[first]):
        first += 1  # "Reporter Michael S. Schmidt of The New York Times"
    of = next((k for k in range(first + 1, len(tokens) - 1) if tokens[k].text == "of"), -1)
    if of < 0 or rules.org_head_index(tokens[first:of]) >= 0:
        return []
    if head <= of and not known_org_from(chunk.start + of + 1, chunk.end, known):
        return []
    if inside_known(chunk.start + of, known):
        return []  # "Republic of Korea Navy": the "of" belongs to a known name
    parts = rules.name_words(tokens[first:of])
    if not rules.looks_like_name(parts):
        return []
    org_start = of + 1 + (tokens[of + 1].lower_ == "the")
    rest = classify_chunk(doc, rules.Chunk(chunk.start + org_start, chunk.end), known, taken)
    if len(parts) >= NAME_MIN_WORDS and (
        parts[0] in rules.given_names() or rules.korean_name(parts)
    ):
        person = Mention(PERSON, tokens[first:of].text, chunk.start + first, chunk.start + of)
        return [person, *rest]
    if any(t.text in rules.generic_org_words() for t in tokens[first:of]):
        return []
    # "Yeung of the Industry Department": a name-like word before "of" and an organization
    # after it is a person (kept if the article names them in full) and where they work
    before = person_mentions(doc, chunk.start + first, chunk.start + of, taken)
    return [*before, *rest] or []


def known_org_from(start: int, end: int, known) -> bool:
    """A known organization ends the tokens ``start:end`` ("Lee of the Asan Institute")."""
    return any(m.kind == ORGANIZATION and start <= m.start and m.end == end for m in known)


def glued_title_of(doc, start: int, end: int) -> bool:
    """ "Secretary of State John Kerry": the chunk after "<title> of" starts with the end
    of the title and a name follows (not "Minister of Public Health", which is no name)."""
    return (
        end - start > NAME_MIN_WORDS
        and after_title_of(doc, start)
        and doc[start].text in rules.words("title_tails.txt")
    )


def skip_title_tail(doc, start: int, end: int) -> int:
    """ "Chief Executive Reed Hastings", "Secretary of State John Kerry": the words that
    finish the title (``data/title_tails.txt``) are not the name's."""
    while end - start > NAME_MIN_WORDS and doc[start].text in rules.words("title_tails.txt"):
        start += 1
    return start


def titled_after_country(doc, start, name_start, end, parts, titled) -> list[Mention]:
    """ "Special Rapporteur for Norland Jane Roe", "Ambassador to Norland Jane Roe": a name
    after a title and a country, without a name's shape, is kept if the article cues its
    surname alone."""
    if (
        len(parts) < NAME_MIN_WORDS
        or not (titled or title_to(doc, start))
        or not after_country(doc, name_start)
        or not rules.looks_like_name(parts)
    ):
        return []
    return [Mention(PERSON, doc[name_start:end].text, name_start, end, unconfirmed=True)]


def title_to(doc, start: int) -> bool:
    """ "Ambassador to <chunk>", "Special Rapporteur for <chunk>": a title and a preposition
    before the chunk."""
    return (
        start >= TITLE_OF
        and doc[start - 1].lower_ in {"to", "for", "of", "in"}
        and rules.is_title(doc[start - TITLE_OF])
    )


def after_country(doc, i: int) -> bool:
    """A country's name of up to three words ends right before token ``i``."""
    return any(
        doc[i - n : i].text in rules.country_names()
        for n in range(1, COUNTRY_MAX_WORDS + 1)
        if i >= n
    )


def titled_at(tokens, first: int) -> bool:
    return first < len(tokens) - 1 and rules.is_title(tokens[first])


def after_title_of(doc, start: int) -> bool:
    """ "vice-minister of <chunk>": the chunk is part of a person's title."""
    if start < TITLE_OF or doc[start - 1].lower_ != "of":
        return False
    return (
        doc[start - TITLE_OF].lower_ in rules.person_titles()
        or doc[start - TITLE_OF].text in rules.person_titles()
    )


def nested_orgs(doc, span, known) -> list[Mention]:
    """Organizations named inside a longer one: each "of the X" tail that is itself an
    organization name ("Central Committee of the Communist Party of Vietnam" also names the
    Communist Party of Vietnam; "Board of Directors of ..." names no "Directors of ...")."""
    inner = []
    for i in range(span.start + 1, span.end - OF_THE):
        if doc[i].lower_ != "of" or doc[i + 1].lower_ != "the":
            continue
        start = i + OF_THE
        tail = doc[start : span.end]
        if (
            len(tail) >= ORG_MIN_WORDS
            and rules.org_head_index(tail) >= 0
            and specific(doc, start, span.end, known)
        ):
            if not any(m.start == start and m.end == span.end for m in inner):
                inner.append(
                    Mention(ORGANIZATION, term_free_name(tail), start, span.end, nested=True)
                )
    return inner


def specific(doc, start: int, end: int, known) -> bool:
    """An organization name needs a word of its own besides generic words and a leading
    country name ("Central Committee", "Vietnamese Party" are references, not names;
    "Cabinet of the DPRK" is a name); an institution named after a place may have no other
    ("Seoul National University")."""
    after_of = False
    for i in range(start, end):
        word = doc[i].text
        after_of = after_of or word == "of"
        if (
            (word in rules.org_heads() and not head_before_head(doc, i, end))
            or word in rules.generic_org_words()
            or not (doc[i].is_alpha and (rules.is_cap(doc[i]) or doc[i].is_upper or after_of))
        ):
            continue
        if not after_of and any(m.start <= i < m.end and m.kind == COUNTRY for m in known):
            if not named_after_place(doc, start, end):
                continue
        return True
    return False


def head_before_head(doc, i: int, end: int) -> bool:
    """ "Air Force": a head word that opens a two-word name before another head word is the
    name's own word."""
    return i + 1 == end - 1 and doc[i + 1].text in rules.org_heads() and i + 2 == end


def named_after_place(doc, start: int, end: int) -> bool:
    """An institution named after the place it serves ("Seoul National University"):
    ``data/place_named_heads.txt``."""
    return any(doc[i].text in rules.words("place_named_heads.txt") for i in range(start, end))


def org_span(doc, start: int, head: int, end: int):
    """Organization = chunk start … end, but not a trailing person name after a title."""
    tokens = doc[head + 1 : end]
    cut = rules.title_index(tokens)
    if cut >= 0:
        end = head + 1 + cut
    end = cut_place_tail(doc, head, end)
    while end > start and doc[end - 1].text in rules.CONNECTORS:
        end -= 1
    return doc[start:end] if end > start else None


def cut_place_tail(doc, head: int, end: int) -> int:
    """ "Kangan Farm of Unpha County": the trailing "of <place>" says where, it is not the name."""
    for i in range(head + 1, end - 1):
        if doc[i].text == "of" and doc[end - 1].text in rules.place_words():
            return i
    return end


def person_mentions(doc, start: int, end: int, taken, titled: bool = False) -> list[Mention]:
    if start >= end:
        return []
    tokens = doc[start:end]
    t = rules.title_index(tokens)
    titled = titled or t >= 0 or glued_title_of(doc, start, end)
    name_start = start + t + 1 if titled else start
    if titled:
        name_start = skip_title_tail(doc, name_start, end)
    free = [i for i in range(name_start, end) if i not in taken]
    if not free or free != list(range(free[0], free[-1] + 1)) or free[-1] != end - 1:
        return []
    if free[0] != name_start:  # words after a known name ("Kim Jong Un Sends Greetings")
        parts = rules.name_words(doc[free[0] : end])
        if len(parts) < NAME_MIN_WORDS or not (
            parts[0] in rules.given_names() or rules.korean_name(parts)
        ):
            return titled_after_country(doc, start, free[0], end, parts, titled)
        titled = False
    if end < len(doc) and end in taken and len(free) < MIN_WORDS_BEFORE_KNOWN:
        return []  # a descriptor before a known name ("National Security Advisor Robert O'Brien")
    name_start = free[0]
    parts = rules.name_words(doc[name_start:end])
    if not rules.looks_like_name(parts):
        return []
    text = doc[name_start:end].text
    if len(parts) == 1:  # a bare name: kept only if resolution finds whose it is
        titled = titled or (name_start > 0 and rules.is_title(doc[name_start - 1]))
        cued = titled or rules.bare_name_cued(doc, name_start, end)
        return [Mention(PERSON, text, name_start, end, surname_only=True, titled=titled, cued=cued)]
    if not rules.person_evidence(doc, name_start, end, parts, titled):
        return [Mention(PERSON, text, name_start, end, unconfirmed=True)]
    return [Mention(PERSON, text, name_start, end)]
