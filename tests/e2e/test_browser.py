"""In a real browser, no script from the hostile corpus runs: every page type is opened and
every link and button on it hovered and clicked (``make e2e``; not part of ``make test``)."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from archive.models import Article, Capture, Entity, Source
from tests.base import clear_index
from tests.e2e.browser import browser_page
from tests.e2e.hostile_corpus import hostile_corpus

pytestmark = pytest.mark.e2e

CLICKABLE = "a[href], button, input[type=submit]"
# An <a> inside an SVG (the time chart's bars) has an SVGAnimatedString for href: resolve it.
HREF_JS = "a => (a.href && a.href.baseVal !== undefined ? new URL(a.href.baseVal, document.baseURI).href : a.href)"
SCRIPTABLE_PAGE = """<!doctype html><title>scriptable</title>
<a id="run" href="javascript:window.__xss=1">run</a>
<script>alert("inline")</script>"""


@pytest.fixture
def archive_urls(transactional_db, tmp_path):
    """Ingests the hostile corpus through every reader; returns the pages to start from."""
    clear_index()
    with override_settings(INGEST_READER_PROCESS=False):
        try:
            call_command(
                "ingest",
                str(hostile_corpus(tmp_path / "hostile")),
                "--no-progress",
                stdout=io.StringIO(),
            )
        except SystemExit as exit_:
            pytest.fail(f"the hostile corpus did not ingest cleanly (exit {exit_.code})")
    assert Article.objects.count() >= 12, "every reader should store its hostile documents"
    source = Source.objects.order_by("pk").first()
    return [
        reverse("archive:home"),
        reverse("archive:search"),
        reverse("archive:search") + "?q=officials",
        reverse("archive:search") + f"?q=record&sort=newest&source={source.slug}",
        reverse("archive:search") + "?from=2024-01-01&to=2024-12-31&sort=oldest",
        reverse("archive:api-search") + "?q=officials",
        reverse("archive:actors"),
        reverse("archive:actors") + "?kind=person&sort=articles",
        reverse("admin:login"),
        *[a.get_absolute_url() for a in Article.objects.order_by("pk")],
        *[reverse("archive:captures", args=[a.pk]) for a in Article.objects.order_by("pk")],
        *[c.get_absolute_url() for c in Capture.objects.order_by("pk")],
        *[e.get_absolute_url() for e in Entity.objects.listed().order_by("pk")[:10]],
    ]


def test_the_trap_notices_a_script_that_runs(live_server):
    host = urlsplit(live_server.url).netloc
    with browser_page(host) as (page, trap):
        page.route(
            f"{live_server.url}/scriptable/",
            lambda r: r.fulfill(body=SCRIPTABLE_PAGE, content_type="text/html"),
        )
        page.goto(f"{live_server.url}/scriptable/")
        assert trap.ran == ["alert(inline)"]
        page.click("#run")
        page.wait_for_timeout(100)
        assert trap.ran == ["alert(inline)", "script: window.__xss = 1"]


def test_no_script_runs_on_any_page_when_every_link_is_hovered_and_clicked(
    live_server, archive_urls
):
    host = urlsplit(live_server.url).netloc
    done = set()
    with browser_page(host) as (page, trap):
        for path in archive_urls:
            url = live_server.url + path
            open_page(page, url)
            trap.check(f"opening {path}")
            assert_links_are_http(page, path)
            for key in click_everything(page, url, trap, done):
                done.add(key)
    print(
        f"\n{len(archive_urls)} pages opened; {len(done)} distinct links and buttons hovered and clicked"
    )
    assert len(done) > 50, f"only {len(done)} links and buttons were clicked"


def open_page(page, url):
    response = page.goto(url)
    assert response is not None and response.status < 500, f"{url}: {response and response.status}"


def assert_links_are_http(page, path):
    hrefs = page.eval_on_selector_all("a[href]", f"links => links.map({HREF_JS})")
    bad = [h for h in hrefs if urlsplit(h).scheme not in ("http", "https")]
    assert not bad, f"links with another scheme on {path}: {bad}"


def click_everything(page, url, trap, done):
    """Hovers and clicks each link and button not yet clicked elsewhere; yields their keys."""
    for index in range(page.locator(CLICKABLE).count()):
        element = page.locator(CLICKABLE).nth(index)
        key = element.evaluate(
            f"e => ({HREF_JS})(e) || (e.form ? e.form.action + ' ' + e.form.className : '') + e.textContent"
        )
        if key in done or not element.is_visible():
            continue
        element.focus()  # a skip link, say, comes into view only when focused
        element.hover()
        trap.check(f"hovering {key} on {url}")
        if urlsplit(key).netloc not in ("", urlsplit(url).netloc):
            yield key  # off-host: hovered, not followed
            continue
        element.click()
        page.wait_for_load_state()
        trap.check(f"clicking {key} on {url}")
        if page.url != url:
            page.go_back()
            if page.url != url:
                open_page(page, url)
        yield key
