"""The hostile corpus: tests/data/hostile/ (an HTML page, a JSONL file, a text dump) plus a
web archive built here with warcio, so every reader gets script-laden titles, bodies,
authors, outlet names and ``javascript:`` URLs in every spelling."""

import io
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HOSTILE_DIR = Path(__file__).resolve().parent.parent / "data" / "hostile"

WARC_PAGES = {
    " JaVaScRiPt:window.__xss=1//warc": ("the Yalu river ferry", "three ferries"),
    "https://example.org/warc-story": ("the Rason port upgrade", "two new cranes"),
}

WARC_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Web capture about {topic} "&gt;&lt;svg onload=window.__xss=1&gt;</title>
<meta property="og:site_name" content="Archive Outlet &lt;img src=x onerror=alert(1)&gt;">
<meta name="author" content="Park &lt;script&gt;alert(1)&lt;/script&gt;">
<link rel="canonical" href="&#106;avascript:alert(1)">
<script>alert(1)</script></head>
<body><article><h1>Web capture about {topic} "&gt;&lt;svg onload=window.__xss=1&gt;</h1>
<p>PYONGYANG — Officials said on Thursday that work on {topic} had begun, with {detail} ordered
from abroad, <a href="javascript:alert(1)">a script link</a> and <a href="vbscript:msgbox(1)">another</a>.</p>
<p>The project was first announced four years ago and has been delayed twice, most recently by
the closure of the border during the pandemic. <img src=x onerror="window.__xss=1"></p>
<p>Traders on the Chinese side of the border said they expected more goods to move once {topic}
was finished, though no date for its completion was given in the report.</p>
</article></body></html>"""


def build_warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, (topic, detail) in WARC_PAGES.items():
            body = WARC_PAGE.format(topic=topic, detail=detail).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def hostile_corpus(directory: Path) -> Path:
    """Copies the hostile files into ``directory`` and adds the web archive; returns it."""
    shutil.copytree(HOSTILE_DIR, directory, dirs_exist_ok=True)
    build_warc(directory / "crawl.warc.gz")
    return directory
