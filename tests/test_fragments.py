"""The search pages' repeated rows, rendered in Python, escape what comes from articles and
read as the template loops they replaced."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from archive.models import Article, Entity, Source
from archive.network import Edge, Network, Node
from archive.search.charts import Bar, Chart
from archive.search.facets import FacetValue
from archive.templatetags import fragments

HOSTILE = '<script>alert("x")</script> & Co'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"


def render(source: str, **context) -> str:
    return Template("{% load fragments %}" + source).render(Context(context))


def network() -> Network:
    person = Node(Entity(pk=1, kind="person", name=HOSTILE), 1, 1.5, 2.0, 4.0, 13.0, '/a?"b')
    country = Node(Entity(pk=2, kind="country", name="North Korea"), 3, 9.0, 9.5, 6.0, 20.5, "/c")
    return Network([person, country], [Edge(person, country, 2, 1.25)])


class NetworkFragmentTests(SimpleTestCase):
    def test_an_actor_name_from_an_article_is_escaped_in_titles_and_labels(self):
        html = render("{% network_nodes n %}{% network_edges n %}", n=network())
        self.assertNotIn("<script>", html)
        self.assertIn(f"<title>{ESCAPED} (person): 1 article</title>", html)
        self.assertIn(f"<title>{ESCAPED} – North Korea: 2 articles</title>", html)
        self.assertIn('href="/a?&quot;b"', html)

    def test_a_long_name_is_cut_in_the_label_only(self):
        long_name = Node(Entity(pk=3, kind="organization", name="A" * 40), 2, 0, 0, 1, 1, "/o")
        html = render("{% network_nodes n %}", n=Network([long_name], []))
        self.assertIn(">" + "A" * 27 + "…</text>", html)
        self.assertIn("<title>" + "A" * 40 + " (organization): 2 articles</title>", html)
        self.assertIn('fill="#4f9a55"', html)

    def test_coordinates_are_written_as_python_writes_them(self):
        html = render("{% network_edges n %}", n=network())
        self.assertIn('<line x1="1.5" y1="2.0" x2="9.0" y2="9.5" stroke-width="1.25">', html)


class FacetFragmentTests(SimpleTestCase):
    def test_a_selected_value_says_so_and_a_label_is_escaped(self):
        values = [
            FacetValue("kp", HOSTILE, 1200, True, "/s?x=1&y=2"),
            FacetValue("kr", "South Korea", 3, False, "/s", level=1),
        ]
        html = render("{% facet_values v %}", v=values)
        self.assertIn(
            '<li class="selected level-0"><a href="/s?x=1&amp;y=2" aria-current="true"', html
        )
        self.assertIn(f"☑</span> {ESCAPED}</a>", html)
        self.assertIn('<li class="level-1"><a href="/s">', html)
        self.assertNotIn("<script>", html)


class ChartFragmentTests(SimpleTestCase):
    def test_bars_and_table_rows_carry_label_count_and_link(self):
        bar = Bar(date(2015, 1, 1), date(2015, 12, 31), 12345, "2015", "/s?from=2015", 2.0, 3.0, 40)
        chart = Chart("year", [bar])
        bars, rows = render("{% chart_bars c %}", c=chart), render("{% chart_rows c %}", c=chart)
        self.assertIn('aria-label="2015: 12,345 articles"', bars)
        self.assertIn(f'height="{chart.bar_area}"', bars)
        self.assertIn(f'y="{chart.bar_area - 40}"', bars)
        self.assertEqual(rows, '<tr><td><a href="/s?from=2015">2015</a></td><td>12,345</td></tr>')


class ArticleRowTests(SimpleTestCase):
    def article(self, **fields):
        return Article(pk=7, title=HOSTILE, language="ko", **fields)

    def test_a_title_is_escaped_and_an_undated_article_says_so(self):
        html = render("{% article_rows a %}", a=[self.article()])
        self.assertIn(f'<a class="result-title" lang="ko" href="/articles/7/">{ESCAPED}</a>', html)
        self.assertIn('<div class="meta"><span class="undated">date unknown</span></div>', html)

    def test_a_dated_article_from_an_outlet_shows_both(self):
        article = self.article(
            published=datetime(2015, 1, 2, 3, 4, tzinfo=UTC), source=Source(name="Yonhap")
        )
        html = render("{% article_rows a %}", a=[article])
        self.assertIn('Yonhap · <time datetime="2015-01-02T03:04:00+00:00">2 Jan 2015</time>', html)

    def test_a_hit_keeps_its_highlighted_snippet_and_escapes_nothing_twice(self):
        hit = SimpleNamespace(article=self.article(), snippet=mark_safe("a <mark>b</mark> &amp;"))
        html = render("{% hit_rows h %}", h=[hit])
        self.assertIn('<p class="snippet" lang="ko">a <mark>b</mark> &amp;</p>', html)


class EscapingTests(SimpleTestCase):
    def test_html_escapes_as_format_html_does_for_text_safe_html_numbers_and_lazy_text(self):
        lazy_text = lazy(lambda: HOSTILE, str)()
        values = (HOSTILE, mark_safe("<b>kept</b>"), 3, 2.5, None, lazy_text, "'single'")
        template = "<p title='{}'>{}</p>{}{}{}{}{}"
        self.assertEqual(fragments.html(template, *values), format_html(template, *values))
        self.assertNotIn("<script>", fragments.html(template, *values))
