"""The headline of a saved HTML page: the heading the page shows above its article.

The titles a page states for browsers and social media (``<title>``, og:title) often differ
from the headline a reader sees. That headline is the page's ``<h1>`` when it shares words
with the stated title, unless the ``<h1>`` is page chrome: a breadcrumb in the navigation
(fr.de), or a copy for sharing below the start of the article ("Share or comment on this
article", Daily Mail). A page whose every ``<h1>`` is chrome shows its headline as an ``<h2>``.
Site and section labels of the ``<title>`` inside a heading (a logo link) are not headline;
an element marked as the headline (``itemprop``, hAtom) serves when no heading matches a
generic stated title.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from archive.ingest.lines import TITLE_SEPARATORS, squeeze

PROBE_CHARS = 40  # letters of the body's first paragraph used to find it on the page
PROBE_MIN_CHARS = PROBE_CHARS // 2  # a shorter first paragraph is not looked for
H1_CANDIDATES = 3  # the page's first <h1>s that count as stated headlines


HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 40
SHARED_WORDS = 0.4  # share of the <title>'s words a heading must have to be its headline


def headline(tree, title: str, body: str = "") -> str:
    """The heading the page shows above ``body`` when it shares words with ``title`` (the
    cleaned stated title), else the element marked as the headline (``itemprop="headline"``,
    hAtom's ``entry-title``) even when the stated title is generic ("News from The Associated
    Press"), else ``title``."""
    if tree is None:
        return title
    words = set(re.findall(r"\w+", title.casefold()))
    labels = {squeeze(part) for part in TITLE_SEPARATORS.split(page_title(tree))[1:]} - {""}
    headings, marked = _headings(tree, body)
    for heading in headings:
        text = _heading_text(heading, labels)
        text = re.sub(r"^[\w&' ]{2,25}\s+\|\s+", "", text)  # "Local News | Headline"
        heading_words = set(re.findall(r"\w+", text.casefold()))
        if (
            HEADLINE_MIN_WORDS <= len(text.split()) <= HEADLINE_MAX_WORDS
            and words
            and len(words & heading_words) >= SHARED_WORDS * len(words)
        ):
            return text
    for node in marked:
        text = _heading_text(node, labels)
        if HEADLINE_MIN_WORDS <= len(text.split()) <= HEADLINE_MAX_WORDS:
            return text
    return title


def _heading_text(heading, labels: set[str]) -> str:
    """The heading's text without the site or section labels of the page's <title> inside it
    (``<h1><span>Headline</span><a href="/">Site Name</a></h1>``)."""
    if labels and any(squeeze(node.text_content()) in labels for node in heading.iterdescendants()):
        heading = copy.deepcopy(heading)
        for node in list(heading.iterdescendants()):
            if squeeze(node.text_content()) in labels and node.getparent() is not None:
                node.drop_tree()
    return re.sub(r"\s+", " ", heading.text_content()).strip()


def _headings(tree, body: str) -> tuple[list, list]:
    """The ``<h1>``s above the article text (or opening it) and outside navigation, or the
    ``<h2>``s when there is no such ``<h1>``; and the elements marked as the headline.

    One walk through the page in document order, ending where the body's first paragraph
    is found (all of the page when it is not, as for a body taken from the JSON-LD)."""
    probe = squeeze(body.split("\n\n", 1)[0])[:PROBE_CHARS]
    probe = probe if len(probe) >= PROBE_MIN_CHARS else ""
    found: dict[str, list] = {"h1": [], "h2": [], "marked": []}
    seen = ""
    root = tree.find("body") if tree.find("body") is not None else tree
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue  # comments and processing instructions
        if event == "start":
            kind = node.tag if node.tag in ("h1", "h2") else "marked" if _is_marked(node) else ""
            if kind and not _in_navigation(node):
                found[kind].append(node)
            text = "" if node.tag in ("script", "style") else node.text
        else:
            text = node.tail
        if probe and text:
            seen = seen[-len(probe) :] + squeeze(text)
            if probe in seen:
                break
    return found["h1"] or found["h2"], found["marked"]


def _is_marked(node) -> bool:
    """Marked as the headline: ``itemprop="headline"`` or hAtom's ``entry-title`` class."""
    return node.get("itemprop") == "headline" or "entry-title" in node.get("class", "").split()


def _in_navigation(node) -> bool:
    return any(
        ancestor.tag == "nav" or "breadcrumb" in f"{ancestor.get('class', '')}".lower()
        for ancestor in node.iterancestors()
    )


def title_candidates(result, tree) -> tuple[str, ...]:
    """Every headline the page states: repeated in the text, they are not body."""
    if tree is None:
        return (result.title or "",)
    h1s = [re.sub(r"\s+", " ", h.text_content()).strip() for h in tree.iter("h1")][:H1_CANDIDATES]
    return (result.title or "", og_title(tree), page_title(tree), *h1s)


def og_title(tree) -> str:
    """The publisher's declared headline (og:title): it rarely carries section labels."""
    if tree is None:
        return ""
    values = tree.xpath('//meta[@property="og:title" or @name="og:title"]/@content')
    return re.sub(r"\s+", " ", values[0]).strip() if values else ""


def first_heading(tree) -> str:
    if tree is None:
        return ""
    for node in tree.xpath("//h1|//h2|//h3"):
        text = re.sub(r"\s+", " ", node.text_content()).strip()
        if len(text.split()) >= HEADLINE_MIN_WORDS:
            return text
    return ""


def page_title(tree) -> str:
    if tree is None:
        return ""
    titles = tree.xpath("//title/text()")
    return re.sub(r"\s+", " ", titles[0]).strip() if titles else ""
