"""Shared metadata helpers for every reader: dates, outlets, authors, URLs, language.

All functions are pure (no Django, no network). ``canonical_source`` is the one place that
decides an outlet's display name, so "Reuters", "reuters.com" and "Reuters Staff" become
one source.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from archive.ingest import korean_dates
from archive.ingest.korean_outlets import english_name

DATA = Path(__file__).parent / "data"

MONTH_ABBREVIATION_CHARS = 3  # letters that tell a month's name ("sep" of "September")
LAST_MONTH, LAST_DAY = 12, 31  # a day-first numeric date ("31.03.2020") is no later in either
TWO_DIGIT_YEAR_MAX = 99  # a year this small was written with two digits ("04.05.20") …
CENTURY = 2000  # … and is a year of this century
NOON = 12  # "12 am" is midnight; a "pm" hour below this is in the afternoon
HOURS_PER_DAY, MINUTES_PER_HOUR = 24, 60  # a clock time past these is not a time
MIN_STOPWORD_VOTES = 3  # stop words a language other than English needs to win the vote …
STOPWORD_LEAD = 1.5  # … and how many times English's count it must reach
LANGUAGE_CODE_CHARS = 2  # an ISO 639-1 code ("en" of a hint "en-GB")

TRACKING_PARAMS = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|"
    r"cmpid|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|ocid|smid|sr_share)$",
    re.I,
)


# --- outlets -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name/variant → display name, domain → display name)."""
    by_name, by_domain = {}, {}
    for outlet in json.loads((DATA / "outlets.json").read_text(encoding="utf-8")):
        for variant in [outlet["name"], *outlet["variants"]]:
            by_name[_name_key(variant)] = outlet["name"]
        for domain in outlet["domains"]:
            by_domain[domain.lower()] = outlet["name"]
            by_name[_name_key(domain)] = outlet["name"]
    return by_name, by_domain


def _name_key(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold()
    name = re.sub(r"^(the)\s+", "", name)
    # Spaces do not tell outlets apart ("HeraldSun" is "Herald Sun").
    return re.sub(r"[^\w]+", "", name)


def known_outlets() -> dict[str, str]:
    """Normalised variant key → display name."""
    return dict(_outlets()[0])


@lru_cache(maxsize=1)
def outlet_phrases() -> tuple[tuple[str, str], ...]:
    """(lower-case phrase, display name) for every name, variant and domain of a known
    outlet, for finding outlets named in running text."""
    phrases = []
    for outlet in json.loads((DATA / "outlets.json").read_text(encoding="utf-8")):
        for variant in [outlet["name"], *outlet["variants"], *outlet["domains"]]:
            phrase = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", variant).casefold()).strip()
            phrases.append((phrase, outlet["name"]))
    return tuple(phrases)


def outlet_for_url(url: str) -> str:
    """The known outlet serving ``url`` (by host or parent domain), or ``""``."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    by_domain = _outlets()[1]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in by_domain:
            return by_domain[".".join(parts[i:])]
    return ""


def canonical_source(name: str | None) -> str:
    """One display name per outlet.

    Known outlets (``data/outlets.json``: name, domains, variants) map to their name;
    otherwise parentheticals, "www.", a trailing TLD and " Staff"/" Online" are stripped.
    """
    if not name:
        return ""
    name = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip()
    by_name = _outlets()[0]
    candidates = [name, re.sub(r"\s*[(\[].*?[)\]]\s*", " ", name).strip()]
    candidates += [part.strip() for part in re.split(r"\s+/\s+|\s+\|\s+", candidates[-1])]
    for cand in candidates:
        for form in _forms(cand):
            if _name_key(form) in by_name:
                return by_name[_name_key(form)]
    if english := english_name(name):  # a Korean outlet under its usual English name
        return canonical_source(english)
    return _clean_unknown(candidates[1] or name)


def _forms(name: str) -> list[str]:
    bare = re.sub(r"^(https?://)?(www\.)?", "", name, flags=re.I).rstrip("/")
    no_staff = re.sub(r"\s+(staff|online|newsroom|desk|wire)$", "", bare, flags=re.I)
    no_tld = no_staff
    if " " not in no_staff:
        no_tld = re.sub(r"\.(co|com|org|net|ac|gov)?\.?[a-z]{2,6}$", "", no_staff, flags=re.I)
    return [name, bare, no_staff, no_tld]


def _clean_unknown(name: str) -> str:
    no_tld = _forms(name)[-1]
    return no_tld.strip(" -|,")


# --- dates ---------------------------------------------------------------------------


def to_utc(value: datetime | None) -> datetime | None:
    """Aware UTC; a naive value is taken to be UTC already."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_date(text: str | None, default_year: int | None = None) -> datetime | None:
    """Parse an ISO or human date ("Thursday, 23 September 2021 6:50 AM") to aware UTC.

    Returns ``None`` if ``text`` holds no recognisable full date. Without a year in the text,
    ``default_year`` is used (or ``None`` is returned).
    """
    if not text:
        return None
    text = text.strip()
    iso = _parse_iso(text)
    if iso:
        return iso
    return korean_dates.parse(text) or _parse_human(text, default_year)


def _parse_iso(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return to_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
        try:
            return to_utc(datetime.fromisoformat(match.group(1)))
        except ValueError:
            return None


MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS}),?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
# Day first: 31.03.2020, 1.3.2020, and with a two-digit year only zero-padded: 04.05.20
_DOTTED = re.compile(r"\b(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{2})\.(\d{2})\.(\d{2}))(?![\d.])")
_US_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # 12/30/2019: month first
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?", re.I)
_ZONE = re.compile(r"\b(UTC|GMT|EST|EDT|CST|CDT|PST|PDT|KST|JST|BST|CET|CEST|AEDT|AEST)\b")
ZONE_OFFSETS = {
    "UTC": 0,
    "GMT": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "PST": -8,
    "PDT": -7,
    "KST": 9,
    "JST": 9,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "AEDT": 11,
    "AEST": 10,
}


def _month_number(word: str) -> int:
    return [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ].index(word[:MONTH_ABBREVIATION_CHARS].lower()) + 1


def find_date(text: str, default_year: int | None = None) -> tuple[int, int, int] | None:
    """(year, month, day) of the first date written in ``text``, or ``None``."""
    if m := _NUMERIC.search(text):
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m := _DOTTED.search(text):
        day, month, year = (int(g) for g in m.groups() if g is not None)
        if 1 <= month <= LAST_MONTH and 1 <= day <= LAST_DAY:
            return year if year > TWO_DIGIT_YEAR_MAX else CENTURY + year, month, day
    if (m := _US_NUMERIC.search(text)) and int(m.group(1)) <= LAST_MONTH:
        return int(m.group(3)), int(m.group(1)), int(m.group(2))
    if m := _DAY_MONTH_YEAR.search(text):
        return int(m.group(3)), _month_number(m.group(2)), int(m.group(1))
    if m := _MONTH_DAY_YEAR.search(text):
        return int(m.group(3)), _month_number(m.group(1)), int(m.group(2))
    if ymd := korean_dates.find(text):
        return ymd
    if default_year:
        if m := _MONTH_DAY.search(text):
            return default_year, _month_number(m.group(1)), int(m.group(2))
        if m := _DAY_MONTH.search(text):
            return default_year, _month_number(m.group(2)), int(m.group(1))
    return None


def _parse_human(text: str, default_year: int | None) -> datetime | None:
    ymd = find_date(text, default_year)
    if not ymd:
        return None
    clock = time()
    numeric_dates_out = _NUMERIC.sub(" ", _US_NUMERIC.sub(" ", _DOTTED.sub(" ", text)))
    if m := _TIME.search(numeric_dates_out.replace(str(ymd[0]), " ")):
        hour, minute = int(m.group(1)), int(m.group(2))
        if m.group(3) and m.group(3)[0].lower() == "p" and hour < NOON:
            hour += NOON
        if m.group(3) and m.group(3)[0].lower() == "a" and hour == NOON:
            hour = 0
        if hour < HOURS_PER_DAY and minute < MINUTES_PER_HOUR:
            clock = time(hour, minute)
    try:
        value = datetime.combine(datetime(*ymd).date(), clock)
    except ValueError:
        return None
    if zone := _ZONE.search(text):
        value = value.replace(tzinfo=timezone(timedelta(hours=ZONE_OFFSETS[zone.group(1)])))
    return to_utc(value)


# --- URLs ----------------------------------------------------------------------------


def canonical_url(url: str | None) -> str:
    """Drop tracking parameters (utm_*, fbclid, gclid, …) and the fragment; lower-case host."""
    if not url:
        return ""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k)
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )


# --- language ------------------------------------------------------------------------

_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "sich", "auch"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "pas", "du"},
    "es": {"el", "los", "las", "y", "que", "del", "una", "por", "con", "para", "se"},
}


LANGUAGE_SAMPLE = 5000  # characters looked at to tell the language
HANGUL_SHARE, KANA_SHARE = 0.3, 0.2  # of the letters: Korean, Japanese


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code: "ko" when Hangul dominates the letters, else a stop-word vote; "en" by default."""
    sample = text[:LANGUAGE_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if letters:
        hangul = sum(1 for c in letters if "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff")
        if hangul / len(letters) > HANGUL_SHARE:
            return "ko"
        kana = sum(1 for c in letters if "\u3040" <= c <= "\u30ff")
        if kana / len(letters) > KANA_SHARE:
            return "ja"
    words = re.findall(r"[a-zà-ÿ]+", sample.lower())
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    if (
        scores[best] >= MIN_STOPWORD_VOTES
        and scores[best] > STOPWORD_LEAD * scores.get("en", 0)
        or best == "en"
        and scores[best]
    ):
        return best
    if hint and re.match(r"^[a-z]{2}\b", hint.lower()):
        return hint.lower()[:LANGUAGE_CODE_CHARS]
    return "en"


# --- wire datelines ------------------------------------------------------------------

_WIRE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?"
    rf"(?:,?\s+(?P<date>(?i:{MONTHS})\s+\d{{1,2}}))?\s*"
    r"\((?P<source>[A-Za-z][A-Za-z.&' -]{0,40})\)\s*(?:--|-|—|–)\s*"
)


def parse_wire_dateline(paragraph: str, default_year: int | None = None) -> dict | None:
    """``Pyongyang, July 14 (KCNA) --`` / ``SEOUL (Reuters) -`` → place, source, published.

    ``published`` needs a month and day in the dateline and a year from ``default_year``.
    """
    match = _WIRE.match(paragraph.strip())
    if not match:
        return None
    place = match.group("place").strip()
    if place.isupper():
        place = place.title()
    published = None
    if match.group("date") and default_year:
        published = parse_date(f"{match.group('date')} {default_year}")
    return {"place": place, "source": match.group("source").strip(), "published": published}
