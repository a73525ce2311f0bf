"""Debian's chromium driven by Playwright, with a trap that notices any script from a page.

The trap is installed before any page script: a dialog (``alert``/``confirm``/``prompt``)
or a write to ``window.__xss`` (what every hostile payload in the corpus does) is recorded,
and so is an uncaught page error. ``ScriptTrap.check`` fails the test with what ran where.
"""

from contextlib import contextmanager
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MARK = "__script_ran__"
TRAP_JS = f"""
Object.defineProperty(window, "__xss", {{
  configurable: false,
  get() {{ return undefined; }},
  set(value) {{ console.error("{MARK} window.__xss = " + value); }},
}});
"""


class ScriptTrap:
    def __init__(self, page):
        self.ran = []
        page.on("dialog", self.on_dialog)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.ran.append(f"page error: {error}"))
        page.add_init_script(TRAP_JS)

    def on_dialog(self, dialog):
        self.ran.append(f"{dialog.type}({dialog.message})")
        dialog.dismiss()

    def on_console(self, message):
        if MARK in message.text:
            self.ran.append(message.text.replace(MARK, "script:"))

    def check(self, where: str) -> None:
        assert not self.ran, f"a script ran ({where}): {self.ran}"


@contextmanager
def browser_page(host: str):
    """A fresh page whose requests to any host but ``host`` are refused."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(5000)
            page.route("**/*", lambda route: stay_on(route, host))
            yield page, ScriptTrap(page)
        finally:
            browser.close()


def stay_on(route, host):
    parts = urlsplit(route.request.url)
    if parts.scheme in ("http", "https") and parts.netloc != host:
        route.abort()
    else:
        route.continue_()
