"""The layout in a real browser at a phone's width (390 px) and a desktop's (1366 px): one
<h1> per page, no sideways scrolling, filters above the results on a phone and beside them on
a desktop, and chart bars that are links (``make e2e``; screenshots in /tmp)."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from archive.actors import EntityResolver
from archive.entities.types import Actor
from archive.ingest.document import ParsedDocument
from archive.ingest.store import store
from archive.models import Article, Entity
from archive.search.sync import sync_index
from tests.base import clear_index
from tests.e2e.browser import browser_page

pytestmark = pytest.mark.e2e

PHONE, DESKTOP = 390, 1366
SCREENSHOTS = "/tmp/peninsula-layout-{name}-{width}.png"
PEOPLE = ["Kim Jong Un", "Moon Jae-in", "Yoon Suk Yeol", "Choe Son Hui"]
A_LONG_WORD = "Supercalifragilistic" * 6  # a word no phone is wide enough for


def world_article(i: int, resolver) -> None:
    person = PEOPLE[i % len(PEOPLE)]
    body = f"{person} spoke about the peninsula on day {i}. {A_LONG_WORD}\n\nMore words follow."
    published = datetime(2023 + i // 12, 1 + i % 12, 1 + i % 27, 9, tzinfo=UTC) if i else None
    doc = ParsedDocument(
        origin=f"layout/{i}.txt",
        title=f"Story {i} about {person} and a very long headline that has to wrap on a phone",
        body=body,
        raw=body.encode(),
        published=published,
        source="Layout Wire",
        url=f"https://example.org/{i}",
    )
    spans = [(body.index(person), body.index(person) + len(person))]
    store(doc, [Actor("person", person, [], "", spans, 1)], resolver)


@pytest.fixture
def pages(transactional_db):
    """A small archive over two years (one article undated); the pages to check."""
    clear_index()
    resolver = EntityResolver()
    for i in range(30):
        world_article(i, resolver)
    sync_index()
    person = Entity.objects.get(kind="person", name="Kim Jong Un")
    article = Article.objects.order_by("pk").first()
    search = reverse("archive:search")
    return {
        "home": reverse("archive:home"),
        "search": search,
        "search-words": search + "?q=peninsula&person=" + person.slug,
        "search-none": search + "?q=peninsula&from=2030-01-01",
        "facet": reverse("archive:facet", args=["person"]),
        "actor": person.get_absolute_url(),
        "article": article.get_absolute_url(),
        "actors": reverse("archive:actors"),
    }


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_every_page_has_one_h1_and_no_sideways_scrolling(live_server, pages, width):
    host = urlsplit(live_server.url).netloc
    with browser_page(host) as (page, trap):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            page.goto(live_server.url + path)
            trap.check(path)
            assert page.locator("h1").count() == 1, f"{path} at {width}px"
            overflow = page.evaluate(
                "() => document.scrollingElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
            page.screenshot(path=SCREENSHOTS.format(name=name, width=width), full_page=True)


def test_on_a_phone_the_filters_are_a_control_above_the_results(live_server, pages):
    host = urlsplit(live_server.url).netloc
    with browser_page(host) as (page, _trap):
        page.set_viewport_size({"width": PHONE, "height": 900})
        page.goto(live_server.url + pages["search"])
        control = page.locator(".filters > summary")
        assert control.is_visible()
        assert control.inner_text().startswith("Filters")
        assert not page.locator(".facet").first.is_visible(), "closed until asked for"
        first_result = page.locator(".result").first.bounding_box()
        assert control.bounding_box()["y"] < first_result["y"]
        control.click()
        assert page.locator(".facet").first.is_visible()
        page.screenshot(path=SCREENSHOTS.format(name="search-filters-open", width=PHONE))


def test_on_a_desktop_the_filters_are_open_beside_the_results(live_server, pages):
    host = urlsplit(live_server.url).netloc
    with browser_page(host) as (page, _trap):
        page.set_viewport_size({"width": DESKTOP, "height": 900})
        page.goto(live_server.url + pages["search"])
        assert not page.locator(".filters > summary").is_visible()
        facet = page.locator(".facet").first
        assert facet.is_visible()
        results = page.locator(".search-results").bounding_box()
        assert facet.bounding_box()["x"] >= results["x"] + results["width"]


@pytest.mark.parametrize("name", ["home", "search", "actor"])
def test_chart_bars_are_links_that_narrow_the_search(live_server, pages, name):
    host = urlsplit(live_server.url).netloc
    with browser_page(host) as (page, _trap):
        page.set_viewport_size({"width": DESKTOP, "height": 900})
        page.goto(live_server.url + pages[name])
        bars = page.locator("svg.chart a")
        assert bars.count() > 1
        assert page.locator("svg.chart[role=img][aria-label]").count() == 1
        hrefs = bars.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all(h.startswith("/search/?") for h in hrefs)
        bars.last.click()
        page.wait_for_load_state()
        params = parse_qs(urlsplit(page.url).query)
        assert "from" in params and "to" in params
        assert page.locator(".hitcount").inner_text().split()[0] != "0"
