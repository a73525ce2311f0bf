"""Credits name no actor: the character ranges of a text that say who wrote, edited,
photographed or distributed it, wherever they stand in the body.

Classes of credit (each one regex, tested in ``tests/test_credits.py``):

- credit lines: "Reporting by …", "Editing by …", "Writing by …", "Photo: …", "Contact: …",
  and lines of names only after another role ("Translated by …", "Graphics by …");
- contributor sentences: "Jane Doe in Tokyo contributed reporting.", "… contributed to this report.",
  "Thanks to Jane Doe for contributing to this report.", "Jane Doe and John Roe contributed.";
- contact sentences: "… can be reached at …", "Follow her on Twitter …", "Email: …";
- filing lines: "Choe Sang-Hun reported from Seoul, and David E. Sanger from Washington.",
  "Jane Doe reports from Tokyo.";
- signatures: a line of a name and an e-mail address ("Jane Doe jane@example.com", also with
  the address on the next line), "by Jane Doe jane@example.com" anywhere, or a line of a
  name, a comma and an agency ("Jane Doe, AFP");
- picture credits: "Jane Doe/AFP/Getty Images", "(AP Photo/Ahn Young-joon)", "Credit Jane Doe",
  a photographer and outlet in parentheses ending a caption line ("(Jane Doe/The Daily)"),
  "Photo by Jane Doe" after a caption's last sentence on the same line, a caption's closing
  "Harbor Times photo by Jane Doe" or "./Courtesy of Harbor News";
- wire credits: the agency of a dateline at the start of any line ("SEOUL (Reuters) -"), a
  bare agency in parentheses ending a caption ("… at the border. (Reuters)", "(Korea Herald)")
  and a source in capitals in square brackets ("[YONHAP]");
- furniture naming the publishing outlet: print-edition notes, sign-up, subscription and
  copyright sentences ("This article appeared in the Asia section of the print edition"), and
  a wire's standards line ("Our Standards: The Thomson Reuters Trust Principles.").

An agency that is the subject of a sentence ("told Reuters", "Yonhap reported") is not a credit.

Ingest's credit rules (``ingest.lines.is_credit_line``, ``is_picture_credit``) cut whole closing
lines from the stored body instead; both read their role words from ``credit_words``.
"""

from __future__ import annotations

import functools
import re

from archive.agencies import ROLES, agencies
from archive.entities.credit_words import CREDIT_ROLES, PICTURE_LABELS, alternation
from archive.entities.entries import default_entries
from archive.entities.types import COUNTRY, ORGANIZATION

# The end of a sentence: a lower-case letter, digit or closing quote before the stop, so the
# dots of initials and abbreviations ("D.C.", "U.S.") do not end one.
SENTENCE_START = r"(?:^|(?<=[a-z0-9\"\u201d)][.!?]\s))"
WITHIN_SENTENCE = r"(?:(?![a-z0-9\"\u201d)][.!?]\s)[^\n])"
CREDIT_SENTENCE_MAX = 300  # characters of one contributor/contact sentence at most
# A caption's closing stop: a lower-case letter before the stop (or a closing quote after it),
# so "U.S./China" is no stop before a slash (shared with ``text.GLUED_SLASH``).
CAPTION_STOP = r"(?<=[a-z][.!?\"\u201d])"

# A credit line anywhere in a body; ingest's closing-line rule (``ingest/data/credits.txt``)
# shares its roles (``credit_words``) but cuts whole lines only at the end of a body.
CREDIT_LINE = re.compile(
    rf"(?im)^[ \t(]*(?:(?:additional\s+)?reporting\s+by|(?:{alternation(CREDIT_ROLES)})\s+by"
    rf"|photo(?:graph)?s?\s+by|(?:{alternation(PICTURE_LABELS)}|credit|contact|e-?mail|source)s?\s*:"
    r"|published:|updated:|copyright\b|\u00a9)[^\n]*"
)
# A line that credits only names for a part of the work other than reporting: "Translated by
# Jane Roe", "Graphics by Jane Roe and John Roe", "Video by Jane Roe in Seoul" ("Research by
# Jane Roe found ..." goes on as a sentence and is content).
NAME_LIST = r"[A-Z][\w.'\u2019-]*(?:(?:\s+|\s*[,;&/]\s*|\s+and\s+|\s+in\s+)[A-Z][\w.'\u2019-]*)*"
WORK_CREDIT_LINE = re.compile(
    r"(?m)^[ \t(]*(?i:translated|translation|edited|video|videos|graphics?|illustrations?|research"
    r"|produced|design|designed|interactive|animation|data|visuals?)\s+by\s+"
    rf"{NAME_LIST}[ \t.)]*$"
)
# A closing line of names that "contributed" with nothing after: "Jane Roe and John Roe
# contributed." ("Japan contributed troops" goes on).
NAMES_CONTRIBUTED = re.compile(rf"(?m)^[ \t]*{NAME_LIST}\s+contributed\.?[ \t]*$")
CONTRIBUTOR = re.compile(
    rf"(?m){SENTENCE_START}{WITHIN_SENTENCE}{{0,{CREDIT_SENTENCE_MAX}}}?"
    r"\bcontributed(?:\s+additional)?\s+(?:reporting|research|to\s+th(?:is|e)\s+"
    r"(?:report|story|article))[^\n]*?(?:[.!?](?=\s|$)|$)"
)
# A thanks sentence for a contribution: "Thanks to Jane Doe for contributing to this report",
# "With thanks to Jane Doe for her reporting"; thanks for anything else ("thanks to the
# rescuers for their courage") is content.
THANKS = re.compile(
    rf"(?im){SENTENCE_START}{WITHIN_SENTENCE}{{0,{CREDIT_SENTENCE_MAX}}}?"
    r"\bthanks?\s+(?:you\s+)?to\s+[^\n.]{1,160}?\bfor\s+(?:(?:his|her|their)\s+)?"
    r"(?:contributing|contributions?|(?:additional\s+)?reporting|research(?:ing)?)\b"
    r"[^\n]*?(?:[.!?](?=\s|$)|$)"
)
CONTACT = re.compile(
    rf"(?im){SENTENCE_START}{WITHIN_SENTENCE}{{0,{CREDIT_SENTENCE_MAX}}}?"
    r"(?:\bcan\s+be\s+reached\s+at\b|\bfollow\s+(?:him|her|them|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
    r"\s+on\s+(?:twitter|x|instagram)\b|\bcontact\s+the\s+(?:reporter|author|writer)\b)"
    r"[^\n]*?(?:[.!?](?=\s|$)|$)"
)
# A credit in brackets: "(Reporting by ...)", "(AP Photo/Jane Roe)", "(Photo = Harbor News)";
# a slash or an equals sign before a lower-case word joins words of prose ("photo/video").
CREDIT_PAREN = re.compile(
    r"[(\[](?:[^()\[\]]{0,80}\b)?(?i:reporting|editing|writing|photo)\s*"
    r"(?:(?i:by)\b|:|[/=]\s*(?=[A-Z]))[^()\[\]]*[)\]]"
)
# A picture's source in brackets: "[Photo by Yonhap]", "(Yonhap file photo)", "[Korea Herald
# photo]", "(Photo courtesy of the ministry)"; "[Reuters]" alone is BRACKET_CREDIT's.
BRACKETED_PHOTO = re.compile(
    r"(?i)\[(?:[^\[\]\n]{0,60}\b)?(?:photos?|images?|pictures?)(?:\b[^\[\]\n]{0,60})?\]"
    r"|\((?:[^()\n]{0,60}\s)?(?:file\s+)?(?:photos?|images?|pictures?)\)"
    r"|\((?:photos?|images?|pictures?)\s+(?:courtesy|credit)\b[^()\n]{0,60}\)"
)
# A caption's closing credit after a sentence: the outlet, "photo", and the photographer
# ("... at the Assembly. Harbor Times photo by Jane Roe", "... on Monday. Harbor Daily file
# photo"); "photo by" opening a line is CREDIT_LINE's.
OUTLET_PHOTO = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s))(?:[A-Z][\w'.&-]*[ \t]+){1,5}(?:file[ \t]+)?photos?"
    rf"(?:\s+by\s+{NAME_LIST})?(?=\s*[.)]?[ \t]*$|\s*[.)])",
    re.M,
)
# A caption's source after a slash that follows its closing stop, to the end of the line
# ("Dockers unload cargo./Harbor News", "The ministry's nameplate./Courtesy of the ministry");
# "U.S./China trade" has no caption stop before its slash.
SLASH_SOURCE = re.compile(
    rf"{CAPTION_STOP}[ \t]?/[ \t]?(?:[Cc]ourtesy\s+of\s+)?[A-Z][^\n/]{{0,80}}$", re.M
)
# A caption's closing credit in brackets: a photographer's name, a slash and the outlet
# ("... last Wednesday. (Jane Roe/The Harbor Herald)"), any outlet, not only a photo agency;
# places in brackets ("(North Korea/China)") are no photographer (``paren_photographer_spans``).
PAREN_PHOTOGRAPHER = re.compile(
    r"(?<=[.!?]\s)\((?P<name>(?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*)\s*/\s*"
    r"(?P<outlet>[A-Z][^()\n/]{1,60})(?:/[^()\n/]{1,40})*\)"
)
# A closing line that is only a dash and a source ("- Yonhap", "-- Harbor News"): the last
# non-empty line of the text or of a paragraph, never an item of a dash list (a neighbouring
# line that is a dash item too: "The winners were:\n- Harbor Co\n- Lakeside Co"); and a
# caption's closing "Courtesy of ..." after its stop ("Workers rally. Courtesy of Harbor Co").
DASH_ITEM = re.compile(r"[ \t]*[-\u2013\u2014]+[ \t]*\S")
DASH_SOURCE = re.compile(
    r"(?m)^[ \t]*[-\u2013\u2014]+[ \t]*[A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,3}[ \t]*$"
    r"(?=\Z|\n[ \t]*(?:\n|\Z))"  # the last line of the text or of its paragraph
)
# ("Courtesy of a late goal, Harbor United won" goes on after a comma: content.)
COURTESY = re.compile(r"(?m)(?<=[.!?]\s)[Cc]ourtesy\s+of\s+[^\n.,]{1,60}$")
# A picture's source named after "via" or "courtesy of": "Featured image via Apple",
# "Image courtesy of the ministry".
IMAGE_VIA = re.compile(
    r"(?i)(?:^|(?<=[\s(]))(?:featured\s+|top\s+)?(?:images?|photos?|pictures?)"
    r"\s+(?:via|courtesy(?:\s+of)?)\s+[^\n.()]{1,60}"
)
# A wire's story slug in brackets naming the outlet: "(Yonhap Interview)", "(Newswire Feature)".
SLUG_OUTLET = re.compile(
    r"\((?P<agency>[A-Z][\w-]*)\s+(?:Interview|Feature|Explainer|Analysis|Focus|Exclusive"
    r"|Commentary|Editorial|Column|Special|Poll)\)"
)
# An outlet credited in square brackets after a caption or paragraph, in mixed case:
# "[Yonhap News Agency]", "[Korea JoongAng Daily]" (capitals alone: BRACKET_CREDIT).
OUTLET_WORDS = r"(?:News|Agency|Daily|Herald|Times|Post|Ilbo|Sinmun|Newspaper|Press|Journal)"
BRACKET_OUTLET = re.compile(rf"\[(?P<agency>(?:[A-Z][\w'.&-]*\s+){{0,4}}{OUTLET_WORDS})\]")
# A copyright notice anywhere in a line: "Copyright (c) The Korea Herald." ("copyright law"
# in a story is no notice: the mark, a year or "by" must follow the word).
COPYRIGHT = re.compile(
    r"(?:\b[Cc]opyright|\bCOPYRIGHT)\s*(?:\([cC]\)|\u00a9|\d{4}\b|by\b)[^\n]{0,120}?(?:[.!?](?=\s|$)|$)"
    r"|[\u00a9\u24d2][^\n]{0,120}?(?:[.!?](?=\s|$)|$)",
    re.M,
)
PHOTO_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?:Photo|Picture|Image|Credit)s?:[^\n]{0,80}?(?=[.!?]?\s*$|\.\s)", re.M
)
DATELINE = re.compile(r"(?m)^[^\n]{0,60}?\((?P<agency>[A-Z][A-Za-z]+)\)\s*[-\u2013\u2014]+")
# A dateline after a slug or byline on the same line ("(LEAD) ... By Jane Doe SEOUL, Jan. 2
# (Yonhap) --"): a city in capitals, an optional date, the agency, a dash.
INLINE_DATELINE = re.compile(
    r"\b[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s+"
    r"\((?P<agency>[A-Z][A-Za-z]+)\)\s*(?:--|[-\u2013\u2014])"
)
CAPTION_AGENCY = re.compile(
    r"(?<=[.!?]\s)\((?P<agency>[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+){0,3})\)\s*$", re.M
)
# "Photo by Jane Roe" after a caption's last sentence or a slash on the same line, names only
# to the end of the line ("... on the 17th. Photo by Jane Roe", "... Dec. 17. / Photo by Jane Roe").
PHOTO_BY_AFTER_CAPTION = re.compile(
    r"(?:(?<=[.!?)\]]\s)|(?<=/\s))(?:Photos?|Photograph|Pictures?|Images?)\s+by\s+"
    rf"{NAME_LIST}[ \t.]*$",
    re.M,
)
# An agency or photo source in capitals in square brackets ends a caption ("[YONHAP]").
BRACKET_CREDIT = re.compile(r"\[(?P<agency>[A-Z][A-Z0-9 ./&-]{1,40})\]")
# Page furniture that names the publishing outlet: print-edition notes, sign-up and copyright
# sentences ("This article appeared in the Asia section of the print edition ...").
FURNITURE = re.compile(
    rf"(?im){SENTENCE_START}{WITHIN_SENTENCE}{{0,{CREDIT_SENTENCE_MAX}}}?"
    r"(?:\bprint\s+edition\b|\ball\s+rights\s+reserved\b|\bsign\s+up\s+(?:for|to)\s+our\b"
    r"|\bsign\s+up\s+for\s+(?:the\s+)?[^\n.]{0,60}?\bnewsletter\b"
    r"|\bsubscribe\s+to\s+our\b|\bour\s+standards:|\bthis\s+(?:article|story)\s+(?:was\s+originally\s+published"
    r"|originally\s+appeared|first\s+appeared|appeared\s+in)\b)[^\n]*?(?:[.!?](?=\s|$)|$)"
)
FURNITURE_CLUES = (
    "edition",
    "reserved",
    "sign up",
    "subscribe",
    "appeared",
    "published",
    "our standards",
)
# A closing line that says where each reporter filed from ("Choe Sang-Hun reported from
# Seoul, and David E. Sanger from Washington."): the whole line is a credit.
REPORTED_FROM = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][\w.'\u2019-]*\s+){1,4}report(?:ed|s|ing)\s+from\s+[A-Z][^\n]{0,200}?\.?"
    r"[ \t]*$"
)
# A signature: a line of a name (after an optional "By") and an e-mail address, on the same
# line or the next ("Jane Roe jane.roe@example.com", "Jane Roe\n[jane@example.com]").
SIGNATURE_WORDS = r"[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}"  # up to four names
SIGNATURE_NAME = rf"[ \t]*(?:By[ \t]+)?{SIGNATURE_WORDS}"
EMAIL = r"[\[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\])>]?"
SIGNATURE = re.compile(
    rf"(?m)^{SIGNATURE_NAME}[ \t,|]*(?:\n[ \t]*)?{EMAIL}[ \t]*$"
    rf"|\b[Bb]y[ \t]+{SIGNATURE_WORDS}[ \t,]+{EMAIL}"
)
PHOTOGRAPHER = r"(?:Credit:?\s+)?(?:(?:[A-Z]\.|[A-Z][\w'\u2019-]*)\s+){0,3}[A-Z][\w'\u2019-]*"


@functools.lru_cache(maxsize=1)
def picture_credit() -> re.Pattern:
    """ "Jane Doe / AFP - Getty Images", "Credit Jane Doe/Agence France-Presse": a name,
    a slash, then a photo agency (``archive/agencies.py``), or the agency first
    ("REUTERS/Jane Doe")."""
    names = "|".join(re.escape(a) for a in sorted(agencies("photo"), key=len)[::-1])
    agency = rf"(?:{names})"
    return re.compile(
        rf"(?:(?<=[\s.(\"\u201c])|^)(?P<before>{PHOTOGRAPHER})\s*/\s*{agency}"
        rf"(?:\s*[-/\u2013\u2014]\s*{agency})*\b"
        # the agency first: "REUTERS/Kim Hong-Ji", "AFP PHOTO / JUNG YEON-JE", "(Xinhua/Wang Lei)"
        rf"|(?:(?<=[\s.(\"\u201c])|^){agency}(?:\s+(?i:photo))?\s*/\s*"
        rf"(?P<after>{PHOTOGRAPHER})(?=\.?[ \t]*(?:$|[)\]]))",
        re.M,
    )


@functools.lru_cache(maxsize=1)
def agency_signature() -> re.Pattern:
    """ "Jane Roe, Yonhap News Agency", "Jane Roe, AFP": a line of a name, a comma and a news
    or photo agency (``archive/agencies.py``) signs the story."""
    names = sorted(set(agencies("wire")) | set(agencies("photo")), key=len, reverse=True)
    agency = "|".join(re.escape(a) for a in names)
    return re.compile(
        rf"(?m)^{SIGNATURE_NAME}[ \t]*,[ \t]*(?:{agency})(?:[ \t]+News(?:[ \t]+Agency)?)?[ \t.]*$"
    )


def known_names(*kinds: str) -> frozenset[str]:
    """The lower-cased names and aliases of the gazetteer's entries of ``kinds``."""
    return frozenset(
        name.lower()
        for entry in default_entries()
        if entry.kind in kinds
        for name in (entry.name, *entry.aliases)
    )


@functools.lru_cache(maxsize=1)
def known_organizations() -> frozenset[str]:
    """Known organizations and every agency (``archive/agencies.py``), lower-cased."""
    names = {a.lower() for role in ROLES for a in agencies(role)}
    return known_names(ORGANIZATION) | names


@functools.lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    return known_names(COUNTRY)


def picture_credit_spans(text: str) -> list[tuple[int, int]]:
    """``picture_credit`` matches whose photographer is no known organization: an agency
    and a known organization ("Reuters/Yonhap", "by Reuters/Ipsos.") are a joint source."""
    return [
        m.span()
        for m in picture_credit().finditer(text)
        if (m["before"] or m["after"]).lower() not in known_organizations()
    ]


def names_a_place(words: list[str]) -> bool:
    """Any run of ``words`` is a known country's name or alias ("North Korea")."""
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return any(run.lower() in known_places() for run in runs)


def paren_photographer_spans(text: str) -> list[tuple[int, int]]:
    """``PAREN_PHOTOGRAPHER`` matches whose name is a person's, not a place's, unless the
    outlet after the slash is a known one ("(Seoul Bureau/Reuters)")."""
    return [
        m.span()
        for m in PAREN_PHOTOGRAPHER.finditer(text)
        if not names_a_place(m["name"].split())
        or m["outlet"].strip().lower() in known_organizations()
    ]


def dash_source_spans(text: str) -> list[tuple[int, int]]:
    """``DASH_SOURCE`` lines whose neighbouring non-empty lines are no dash items."""
    spans = []
    for m in DASH_SOURCE.finditer(text):
        before = text[: m.start()].rstrip().rpartition("\n")[2]
        after = text[m.end() :].lstrip().partition("\n")[0]
        if not DASH_ITEM.match(before) and not DASH_ITEM.match(after):
            spans.append(m.span())
    return spans


def copyright_clue(lowered: str) -> str:
    """A copyright mark the text holds ("\u00a9", "\u24d2"), else the word."""
    return next((mark for mark in ("\u00a9", "\u24d2") if mark in lowered), "copyright")


def copyright_spans(text: str) -> list[tuple[int, int]]:
    """``COPYRIGHT`` matches, but a circled c after a circled b on its line is the third item
    of a list ("\u24d0 Harbor Co \u24d1 Lakeside Co \u24d2 ..."), no copyright mark."""
    return [
        m.span()
        for m in COPYRIGHT.finditer(text)
        if not (
            text[m.start()] == "\u24d2"
            and "\u24d1" in text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        )
    ]


def picture_clue(lowered: str) -> str:
    """A picture word the text holds, or one it lacks (the picture patterns need one)."""
    return next((w for w in ("photo", "image", "picture") if w in lowered), "photo")


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that are credits (see the module docstring)."""
    ranges = []
    lowered = text.lower()
    for pattern, clue in (
        (CREDIT_LINE, ""),
        (CONTRIBUTOR, "contributed"),
        (THANKS, "thank"),
        (CONTACT, "reach" if "follow" not in lowered and "contact" not in lowered else ""),
        (CREDIT_PAREN, "("),
        (PHOTO_LABEL, ":"),
        (PHOTO_BY_AFTER_CAPTION, " by "),
        (BRACKETED_PHOTO, picture_clue(lowered)),
        (IMAGE_VIA, picture_clue(lowered)),
        (OUTLET_PHOTO, picture_clue(lowered)),
        (SLASH_SOURCE, "/"),
        (COURTESY, "courtesy"),
    ):
        if clue in lowered:  # the patterns are slow to fail on long texts: skip when hopeless
            ranges += [m.span() for m in pattern.finditer(text)]
    if copyright_clue(lowered) in lowered:
        ranges += copyright_spans(text)
    if "/" in text:
        ranges += picture_credit_spans(text) + paren_photographer_spans(text)
    if "\n" in text:
        ranges += dash_source_spans(text)
    if any(clue in lowered for clue in FURNITURE_CLUES):
        ranges += [m.span() for m in FURNITURE.finditer(text)]
    if " by " in lowered:
        ranges += [m.span() for m in WORK_CREDIT_LINE.finditer(text)]
    if "contributed" in lowered:
        ranges += [m.span() for m in NAMES_CONTRIBUTED.finditer(text)]
    if "from" in lowered:
        ranges += [m.span() for m in REPORTED_FROM.finditer(text)]
    if "@" in text:
        ranges += [m.span() for m in SIGNATURE.finditer(text)]
    if "," in text:
        ranges += [m.span() for m in agency_signature().finditer(text)]
    for pattern, clue in (
        (DATELINE, ""),
        (INLINE_DATELINE, "("),
        (CAPTION_AGENCY, ""),
        (BRACKET_CREDIT, ""),
        (BRACKET_OUTLET, "["),
        (SLUG_OUTLET, "("),
    ):
        if clue in text:
            ranges += [m.span("agency") for m in pattern.finditer(text)]
    return ranges
