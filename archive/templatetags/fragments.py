"""The repeated rows of the search pages, rendered in Python.

A search page draws 20 result rows, up to 40 network edges, 20 nodes, one bar per month of
its time chart (twice: the bars and the table) and every facet value: about 1,400 template
variables,
which Django's template engine rendered in 20 of a rare-term page's 38 ms at 10,000
articles. Each tag here gives the same markup as the loop it replaces, through ``html``, which
escapes every value as Django's ``format_html`` does (names and labels come from articles)
without its per-value lazy-string wrapper, the larger part of its cost over some 350 values.
"""

import html as stdlib_html

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import template_localtime

register = template.Library()

LABEL_CHARS = 28  # a node's label is cut to this many characters (its title has the whole name)
KIND_COLOURS = {"person": "#3d6fb6", "country": "#c0504d"}  # any other kind: organizations
OTHER_COLOUR = "#4f9a55"
UNDATED = mark_safe('<span class="undated">date unknown</span>')  # a constant: nothing from data


def escaped(value) -> str:
    """``value`` as Django's ``conditional_escape`` gives it: HTML already marked safe as it
    is, anything else escaped."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return stdlib_html.escape(str(value))


def html(template: str, *values) -> SafeString:
    """``format_html(template, *values)``: the template filled with the escaped values."""
    return SafeString(template.format(*map(escaped, values)))


def html_join(template: str, rows) -> SafeString:
    """``format_html_join("", template, rows)``."""
    return SafeString("".join(template.format(*map(escaped, row)) for row in rows))


def plural(count) -> str:
    """Django's ``pluralize`` filter for a number: "" for 1, else "s"."""
    return "" if count == 1 else "s"


@register.simple_tag
def network_edges(network):
    return html_join(
        '\n<line x1="{}" y1="{}" x2="{}" y2="{}" stroke-width="{}"><title>{} – {}: {} '
        "article{}</title></line>",
        (_edge_values(edge) for edge in network.edges),
    )


def _edge_values(edge) -> tuple:
    source, target = edge.source, edge.target
    return (
        *(source.x, source.y, target.x, target.y, edge.width),
        *(source.entity.name, target.entity.name, edge.weight, plural(edge.weight)),
    )


@register.simple_tag
def network_nodes(network):
    return html_join(
        '\n<a href="{}"><circle cx="{}" cy="{}" r="{}" fill="{}"><title>{} ({}): {} article{}'
        '</title></circle><text x="{}" y="{}" text-anchor="middle" fill="#222">{}</text></a>',
        (_node_values(node) for node in network.nodes),
    )


def _node_values(node) -> tuple:
    entity = node.entity
    colour = KIND_COLOURS.get(entity.kind, OTHER_COLOUR)
    kind = entity.get_kind_display().lower()
    label = Truncator(entity.name).chars(LABEL_CHARS)
    return (
        *(node.url, node.x, node.y, node.r, colour),
        *(entity.name, kind, node.articles, plural(node.articles), node.x, node.label_y, label),
    )


@register.simple_tag
def chart_bars(chart):
    return html_join(
        '<a href="{}" class="chart-bar" aria-label="{}"><title>{}</title><rect class="hit" '
        'x="{}" y="0" width="{}" height="{}"/><rect class="fill" x="{}" y="{}" width="{}" '
        'height="{}"/></a>',
        (
            (bar.url, bar.title, bar.title, bar.x, bar.width, chart.bar_area)
            + (bar.x, bar.y, bar.width, bar.height)
            for bar in chart.bars
        ),
    )


@register.simple_tag
def chart_rows(chart):
    return html_join(
        '<tr><td><a href="{}">{}</a></td><td>{}</td></tr>',
        ((bar.url, bar.label, intcomma(bar.count)) for bar in chart.bars),
    )


@register.simple_tag
def facet_values(values):
    return html_join("{}\n", ((facet_value(v),) for v in values))


def facet_value(v) -> str:
    if v.selected:
        return html(
            '<li class="selected level-{}"><a href="{}" aria-current="true" title="Remove this '
            'filter"><span class="box" aria-hidden="true">☑</span> {}</a> <span class="count">'
            "{}</span></li>",
            v.level,
            v.url,
            v.label,
            v.count,
        )
    return html(
        '<li class="level-{}"><a href="{}"><span class="box" aria-hidden="true">☐</span> {}</a> '
        '<span class="count">{}</span></li>',
        v.level,
        v.url,
        v.label,
        v.count,
    )


@register.simple_tag
def hit_rows(hits):
    """The result rows of a search page: each hit's article with its snippet."""
    return html_join("{}", ((article_row(hit.article, hit.snippet),) for hit in hits))


@register.simple_tag
def article_rows(articles):
    return html_join("{}", ((article_row(article),) for article in articles))


def article_row(article, snippet=""):
    return html(
        '<li class="result">\n  <a class="result-title" lang="{}" href="{}">{}</a>\n'
        '  <div class="meta">{}{}</div>\n  {}\n</li>\n',
        article.language,
        article.get_absolute_url(),
        article.title,
        html("{} · ", article.source.name) if article.source else "",
        published(article.published),
        html('<p class="snippet" lang="{}">{}</p>', article.language, snippet) if snippet else "",
    )


def published(moment) -> str:
    if not moment:
        return UNDATED
    moment = template_localtime(moment)
    return html(
        '<time datetime="{}">{}</time>', date_format(moment, "c"), date_format(moment, "j M Y")
    )
