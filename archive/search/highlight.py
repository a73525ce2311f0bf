"""Snippets and linked bodies built from escaped text only.

Article text is hostile input: every chunk of it goes through ``escape`` before any markup of
ours is put around it, and only the result of that is marked safe.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.search.analysis import term_spans

PARAGRAPH_RE = re.compile(r"\n\s*\n")
SNIPPET_CHARS = 260  # a result's snippet is a window of the text this wide


def matches(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` whose indexed form is one of ``terms``."""
    if not terms:
        return []
    return term_spans(text, terms)


def snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> SafeString:
    """The ``width``-character window of ``text`` with the most query matches, highlighted."""
    text = " ".join(text.split())
    spans = matches(text, terms)
    start = best_window(spans, width)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    html = marked(text[start:end], inside)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)


def best_window(spans: list[tuple[int, int]], width: int) -> int:
    """Start of the window holding the most matches (spans are sorted)."""
    best_start, best_count = 0, 0
    for i, (start, _) in enumerate(spans):
        count = sum(1 for s, _ in spans[i:] if s < start + width * 3 // 4)
        if count > best_count:
            best_start, best_count = max(0, start - width // 4), count
    return best_start


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined: a noun and its prefix (김정은, 김정) mark as one."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(start, end) for start, end in out]


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` escaped, with each span wrapped in ``<mark>``."""
    out, pos = [], 0
    for start, end in merged(spans):
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def linked_body(body: str, links: list[tuple[int, int, str, str]]) -> SafeString:
    """The body as escaped ``<p>`` paragraphs, each ``(start, end, url, title)`` span a link."""
    links = sorted(links)
    paragraphs, pos = [], 0
    for separator in [*PARAGRAPH_RE.finditer(body), None]:
        end = separator.start() if separator else len(body)
        inside = [link for link in links if link[0] >= pos and link[1] <= end]
        paragraphs.append(linked(body, pos, end, inside))
        pos = separator.end() if separator else end
    return mark_safe("\n".join(f"<p>{p}</p>" for p in paragraphs if p.strip()))


def linked(body: str, start: int, end: int, links) -> str:
    out, pos = [], start
    for s, e, url, title in links:
        if s < pos:
            continue
        out.append(escape(body[pos:s]))
        out.append(
            f'<a class="mention" href="{escape(url)}" title="{escape(title)}">{escape(body[s:e])}</a>'
        )
        pos = e
    out.append(escape(body[pos:end]))
    return "".join(out).replace("\n", "<br>")
