"""Links from data are data: a URL read from an article is a link only if it is http(s).

``safe_url(value)`` is the one rule. It normalises the value the way a browser reads an
``href`` (character references decoded, ASCII whitespace and control characters dropped, the
scheme compared without case; a space inside becomes ``%20``) and returns the normalised URL only when its scheme is ``http``
or ``https`` and it names a host; otherwise ``None``, and the caller shows the value as text.
Relative and protocol-relative values (``//evil.example``) are refused too: a URL from data
must say where it goes.
"""

import html
import re

SAFE_SCHEMES = ("http", "https")

# Only references a browser decodes inside an attribute: terminated by ";" (so a query such
# as "?a=1&copy=2" keeps its "&copy").
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
DECODE_ROUNDS = 3  # character references nested this deep ("&amp;#106;") are decoded


def decode_references(text: str, rounds: int = DECODE_ROUNDS) -> str:
    """Decode character references, repeatedly: ``&amp;#106;`` hides a ``j`` too."""
    for _ in range(rounds):
        decoded = CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text)
        if decoded == text:
            break
        text = decoded
    return text


def normalise_url(value) -> str:
    """The URL as a browser would read it, with a lower-case scheme; '' for a non-string."""
    if not isinstance(value, str):
        return ""
    text = CONTROL.sub("", decode_references(value)).strip(" ").replace(" ", "%20")
    scheme = SCHEME.match(text)
    if scheme:
        text = scheme.group(1).lower() + text[scheme.end(1) :]
    return text


def safe_url(value) -> str | None:
    """The normalised URL if its scheme is http or https and it names a host, else None."""
    text = normalise_url(value)
    scheme = SCHEME.match(text)
    if not scheme or scheme.group(1) not in SAFE_SCHEMES:
        return None
    rest = text[scheme.end() :].replace("\\", "/")
    if not rest.startswith("//") or len(rest.strip("/")) == 0:
        return None
    return text
