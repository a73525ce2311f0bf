"""Template helpers for values that come from articles: links only when safe, paths never."""

from django import template
from django.utils.html import format_html

from archive.safe_url import safe_url as safe_url_or_none

register = template.Library()


@register.filter
def safe_url(value) -> str:
    """The URL when its scheme is http(s) (see ``archive.safe_url``), else ''."""
    return safe_url_or_none(value) or ""


@register.simple_tag
def data_link(url, text=None):
    """An external link for a URL from data, or the value as plain text when it is not safe."""
    text = url if text is None else text
    href = safe_url_or_none(url)
    if href is None:
        return format_html('<span class="unlinked-url">{}</span>', text)
    return format_html('<a href="{}" rel="noopener noreferrer nofollow">{}</a>', href, text)


@register.filter
def origin_name(origin: str) -> str:
    """Where a capture came from, without the server's directories: the file's base name
    (plus its ``#record`` in a container); a web address is shown as it is."""
    if safe_url_or_none(origin):
        return origin
    path, hash_, record = str(origin).rpartition("#") if "#" in origin else (origin, "", "")
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name + hash_ + record
