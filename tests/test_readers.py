"""Format readers: golden files in tests/data/readers/<format>/, archives built in the test,
and every kind of bad input."""

import ast
import gzip
import io
import json
import os
import random
import shutil
import tempfile
import unittest
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import SimpleTestCase
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.ingest.authors import (
    authors_from_byline,
    closing_wire_credit,
    join_authors,
    without_opening,
)
from archive.ingest.document import ParsedDocument, ReadError, Skipped
from archive.ingest.furniture import is_furniture
from archive.ingest.lines import is_credit_line, is_hard_wrapped, is_picture_credit
from archive.ingest.metadata import (
    canonical_source,
    canonical_url,
    detect_language,
    parse_date,
    parse_wire_dateline,
)
from archive.ingest.readers import PAYLOAD_READERS, READERS, iter_files, read_path

DATA = Path(__file__).parent / "data" / "readers"
SEEDS = Path(settings.BASE_DIR) / "seeds"

ARTICLE_HTML = (DATA / "html" / "article.html").read_bytes()


def read_all(path, **kwargs):
    return list(read_path(Path(path), **kwargs))


def only_document(path, **kwargs):
    items = read_all(path, **kwargs)
    docs = [item for item in items if isinstance(item, ParsedDocument)]
    assert len(docs) == 1, items
    return docs[0]


def body_lines(doc):
    return [line.strip() for line in doc.body.split("\n") if line.strip()]


def build_warc(gzipped: bool) -> bytes:
    """A tiny archive: warcinfo, request, HTML response, revisit."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    request = StatusAndHeaders(
        "GET /story HTTP/1.1", [("Host", "www.reuters.com")], is_http_request=True
    )
    url = "https://www.reuters.com/world/story?utm_source=rss"
    writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    response = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(ARTICLE_HTML),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2023-03-16T12:00:00Z"},
    )
    writer.write_record(response)
    revisit = writer.create_revisit_record(
        url,
        digest=response.rec_headers.get_header("WARC-Payload-Digest"),
        refers_to_uri=url,
        refers_to_date="2023-03-16T12:00:00Z",
    )
    writer.write_record(revisit)
    return out.getvalue()


class TempDirMixin:
    def setUp(self):
        super().setUp()
        self.dir = Path(tempfile.mkdtemp(prefix="peninsula-readers-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def write(self, name, data):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


class TextDumpTests(SimpleTestCase):
    def check_golden(self, doc, expected):
        self.assertEqual(doc.title, expected["title"])
        self.assertEqual(doc.published.date().isoformat(), expected["published"])
        self.assertEqual(doc.source, expected["source"])
        paragraphs = doc.body.split("\n\n")
        self.assertEqual(paragraphs[0], expected["body_first"])
        self.assertEqual(paragraphs[-1], expected["body_last"])
        lines = body_lines(doc)
        for furniture in expected["furniture"]:
            self.assertNotIn(furniture, lines)

    def test_it_finds_the_article_in_each_seed(self):
        golden = json.loads((DATA / "text" / "seeds.expected.json").read_text())
        for name, expected in golden.items():
            with self.subTest(seed=name):
                self.check_golden(only_document(SEEDS / name), expected)

    def test_it_reads_a_wire_dateline_and_credit_lines(self):
        expected = json.loads((DATA / "text" / "wire_dateline.expected.json").read_text())
        doc = only_document(DATA / "text" / "wire_dateline.txt")
        self.check_golden(doc, expected)
        self.assertEqual(doc.dateline, expected["dateline"])
        self.assertEqual(doc.author, expected["author"])
        self.assertEqual(doc.published.tzinfo, UTC)

    def test_it_skips_a_dump_without_running_text(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "menu.txt"
            path.write_text("Home\n\nWorld\n\nSport\n\nSign in\n\nJust one short line of text.\n")
            items = read_all(path)
        self.assertEqual(len(items), 1)
        self.assertIsInstance(items[0], Skipped)
        self.assertIn("no running text", items[0].reason)

    def test_it_keeps_the_bytes_as_read(self):
        path = SEEDS / "000_2df2ae82ccda354f.txt"
        doc = only_document(path)
        self.assertEqual(doc.raw, path.read_bytes())
        self.assertEqual(doc.content_type, "text/plain")
        self.assertEqual(doc.origin, str(path))
        self.assertEqual(doc.language, "en")


class TextDumpShapeTests(TempDirMixin, SimpleTestCase):
    PROSE = "\n\n".join(
        f"Paragraph {i} reports that the two governments met in Geneva on Tuesday and agreed "
        "to keep talking, officials said."
        for i in range(6)
    )

    def test_a_share_panel_between_headline_and_article_does_not_hide_them(self):
        share = "\n\n".join(f"Share this with {s}" for s in ["Facebook", "Twitter", "Email"] * 15)
        dump = (
            "Home\n\nWorld\n\nTalks resume in Geneva after a long pause\n\n10 April 2020\n\n"
            f"{share}\n\nCopy this link\n\nhttps://example.com/news/talks\n\nClose share panel"
            "\n\nRelated Topics\n\nDiplomacy\n\nMessenger\n\nMedia caption\n\n"
            f"Drone footage shows the lake at dawn\n\n{self.PROSE}\n"
        )
        doc = only_document(self.write("talks.txt", dump))
        self.assertEqual(doc.title, "Talks resume in Geneva after a long pause")
        self.assertEqual(doc.published.date().isoformat(), "2020-04-10")

    def test_a_german_header_and_a_dateline_on_its_own_line(self):
        dump = (
            "Thema\n\n– Corona\n\n„Es bricht eine andere Zeit der Datennutzung an“\n\n"
            "Die Corona-Krise durch Big Data überwinden: zu schön, um wahr zu sein\n\n"
            f"Interview: Julia Lauter\n\n31.03.2020\n\nKHAN YOUNIS, GAZA —\n\n{self.PROSE}\n"
        )
        doc = only_document(self.write("interview.txt", dump))
        self.assertEqual(doc.title, "„Es bricht eine andere Zeit der Datennutzung an“")
        self.assertEqual(doc.published.date().isoformat(), "2020-03-31")
        self.assertTrue(doc.body.startswith("KHAN YOUNIS, GAZA — Paragraph 0 reports"), doc.body)

    def test_a_date_without_a_year_takes_the_year_of_the_copyright_notice(self):
        older = "In an April 2015 video and a May 2015 post, he said so again in June 2015."
        dump = (
            "Jun 13, 4:03 PM EDT\n\nTalks resume in Geneva after a long pause\n\n"
            f"By Jane Doe\n\n{self.PROSE}\n\n{older}\n\n© 2016 Example News\n"
        )
        doc = only_document(self.write("talks.txt", dump))
        self.assertEqual(doc.published.date().isoformat(), "2016-06-13")

    def test_a_picture_file_name_and_a_rights_notice_are_not_title_or_body(self):
        notice = (
            "The Associated Press. All rights reserved. This material may not be published, "
            "broadcast, rewritten or redistributed."
        )
        dump = (
            "Talks resume in Geneva after a long pause\n\ngeneva-talks.JPG\n\n"
            f"By Jane Doe\n\n{self.PROSE}\n\n© 2016\n\n{notice}\n"
        )
        doc = only_document(self.write("talks.txt", dump))
        self.assertEqual(doc.title, "Talks resume in Geneva after a long pause")
        self.assertTrue(doc.body.endswith("officials said."), doc.body[-120:])

    def test_a_header_after_sign_in_blurbs_starts_the_article(self):
        blurbs = [
            "Privacy Policy. By clicking “Accept and Continue” below, (1) you consent to these "
            "activities unless and until you withdraw your consent.",
            "Deny permission",
            "Log in with your Example News account to create or edit your custom homepage and "
            "follow the topics you care about.",
            "Register",
            "Members can save stories, follow the topics they care about and read without "
            "limits on every device.",
            "take the tour",
        ]
        dump = "\n\n".join(
            [
                *blurbs,
                "Talks resume in Geneva after a long pause",
                "Published Thursday 27 July 2017",
                "By Jane Doe",
                self.PROSE,
            ]
        )
        doc = only_document(self.write("talks.txt", dump + "\n"))
        self.assertEqual(doc.title, "Talks resume in Geneva after a long pause")
        self.assertTrue(doc.body.startswith("Paragraph 0 reports"), doc.body[:100])

    def test_a_box_repeated_inside_the_article_does_not_end_it_a_closing_box_does(self):
        paragraphs = [
            f"Paragraph {i} reports that the two governments met in Geneva on Tuesday and "
            "agreed to keep talking, officials said."
            for i in range(9)
        ]
        box = ["Most Popular"] + [
            line for i in range(4) for line in ("Gear", f"Tools You Should Have No {i}", "Al Roe")
        ]
        closing = [
            "You Might Also Like …",
            *(f"Another story number {i}" for i in range(10)),
            *(
                f"Teaser {i} tells of another story elsewhere, reading just like prose."
                for i in range(5)
            ),
        ]
        dump = "\n\n".join(
            [
                "Talks resume in Geneva after a long pause",
                "By Jane Doe",
                *paragraphs[:3],
                *box,
                *paragraphs[3:6],
                *box,
                *paragraphs[6:],
                *closing,
            ]
        )
        body = only_document(self.write("talks.txt", dump + "\n")).body
        self.assertEqual(body.split("\n\n"), paragraphs)

    def first_paragraph(self, opening: list[str]) -> str:
        dump = "\n\n".join(
            ["Talks resume in Geneva after a long pause", "By Jane Doe", *opening, self.PROSE]
        )
        return only_document(self.write("talks.txt", dump + "\n")).body.split("\n\n")[0]

    def test_a_name_linked_mid_sentence_rejoins_its_sentence(self):
        opening = [
            "SEOUL, South Korea — A plan to impeach South Korean President",
            "Yoon Suk Yeol",
            "over his short-lived",
            "declaration of martial law has failed, lawmakers said.",
        ]
        self.assertEqual(self.first_paragraph(opening), " ".join(opening))

    def test_a_drop_cap_rejoins_its_word(self):
        opening = ["Z", "imbabwe's president met the generals on Thursday, officials said."]
        self.assertEqual(
            self.first_paragraph(opening),
            "Zimbabwe's president met the generals on Thursday, officials said.",
        )

    def test_a_sponsor_label_does_not_swallow_the_dateline(self):
        opening = ["In partnership with", "KHAN YOUNIS, GAZA —"]
        self.assertTrue(
            self.first_paragraph(opening).startswith("KHAN YOUNIS, GAZA — Paragraph 0 reports")
        )

    def test_sentences_opening_with_by_are_body_not_bylines(self):
        middle = "By contrast, the South has kept its forces on alert all week."
        dump = "\n\n".join(
            [
                "Talks resume in Geneva after a long pause",
                "By Jane Doe",
                self.PROSE,
                middle,
                "By Tuesday, officials had agreed on a date for the next round.",
                self.PROSE,
            ]
        )
        doc = only_document(self.write("talks.txt", dump + "\n"))
        self.assertEqual(doc.author, "Jane Doe")
        self.assertEqual(len(doc.body.split("\n\n")), 14)
        self.assertIn(middle, doc.body.split("\n\n"))

    def test_a_related_box_inside_the_article_does_not_cut_it(self):
        paragraphs = self.PROSE.split("\n\n")
        dump = "\n\n".join(
            ["Talks resume in Geneva after a long pause", "By Jane Doe", "JULY 29, 2016"]
            + paragraphs[:3]
            + ["Related Coverage"]
            + [f"Geneva hosts round {n} of the talks\n\nJULY 2{n}, 2016" for n in range(5)]
            + paragraphs * 2
        )
        doc = only_document(self.write("talks.txt", dump + "\n"))
        self.assertEqual(doc.title, "Talks resume in Geneva after a long pause")
        self.assertEqual(doc.body.split("\n\n")[:3], paragraphs[:3])
        self.assertEqual(doc.published.date().isoformat(), "2016-07-29")

    def test_a_closing_note_about_the_journalist_names_the_author_and_leaves_the_body(self):
        bio = (
            "Erin Cunningham is an Egypt-based correspondent for The Post. She previously "
            "covered conflicts in the Middle East."
        )
        dump = "\n\n".join(
            ["UK Politics", "Talks resume in Geneva after a long pause", "Buy Photo", "UK Politics"]
            + ["March 18, 2015", self.PROSE, bio]
        )
        doc = only_document(self.write("talks.txt", dump + "\n"))
        self.assertEqual(doc.author, "Erin Cunningham")
        self.assertNotIn("correspondent for The Post", doc.body)

    def test_footers_broken_at_links_leave_the_body_whole(self):
        footer = [
            "A version of this article appears in print on January 13, 2017, on Page A7 of the",
            "New York edition",
            "with the headline: Talks Resume.",
            "Disclaimer. Morningstar: © 2016 Morningstar, Inc. All Rights Reserved.",
            "Terms",
            "under which this service is provided to you.",
        ]
        dump = "\n\n".join(["Talks resume in Geneva after a long pause", self.PROSE, *footer])
        doc = only_document(self.write("talks.txt", dump + "\n"))
        self.assertEqual(doc.body, self.PROSE)

    def test_a_drop_cap_after_a_share_button_is_not_joined_to_it(self):
        rest = "hale watchers met in Wellington on Tuesday to count strandings, officials said."
        self.assertEqual(self.first_paragraph(["Share via email", "W", rest]), "W" + rest)

    def test_a_licence_notice_is_not_body(self):
        for line in ("Dieser Text wurde veröffentlicht unter der Lizenz", "CC-BY-NC-ND-4.0-DE"):
            with self.subTest(line=line):
                self.assertTrue(is_furniture(line))

    def test_a_labelled_date_below_the_article_is_its_date_when_none_is_above(self):
        dump = (
            "Berlin confronts its colonial past with a new initiative\n\n"
            f"{self.PROSE}\n\nRelated\n\nAnother story 12.01.2020\n\nDate\n\n19.01.2020\n"
        )
        doc = only_document(self.write("berlin.txt", dump))
        self.assertEqual(doc.published.date().isoformat(), "2020-01-19")

    def test_a_picture_caption_above_its_credit_is_not_body(self):
        paragraphs = self.PROSE.split("\n\n")
        caption = "Striking members of the union gathered outside the college last year."
        dump = "\n\n".join(
            ["Talks resume in Geneva after a long pause", "By Jane Doe", *paragraphs[:3]]
            + [caption, "Photograph: Guy Smallman/Getty Images", *paragraphs[3:]]
        )
        body = only_document(self.write("talks.txt", dump + "\n")).body.split("\n\n")
        self.assertEqual(body, paragraphs)

    def test_a_sentence_broken_at_a_link_is_one_paragraph_again(self):
        dump = (
            "Talks resume in Geneva after a long pause\n\nBy Jane Doe\n\n"
            "The island has been used for years by the city as a burial site for those with"
            "\n\nno next-of-kin\n\n, or families who cannot afford funerals. It calls on the"
            "\n\nOffice for Students\n\n, the regulator, to act.\n\nUS & Canada\n\n"
            "is sponsored by\n\n"
            f"{self.PROSE}\n"
        )
        doc = only_document(self.write("talks.txt", dump))
        self.assertEqual(
            doc.body.split("\n\n")[0],
            "The island has been used for years by the city as a burial site for those with "
            "no next-of-kin, or families who cannot afford funerals. It calls on the "
            "Office for Students, the regulator, to act.",
        )
        self.assertNotIn("US & Canada is sponsored by", doc.body)
        self.assertEqual(doc.author, "Jane Doe")


class BoxedStoryTests(TempDirMixin, SimpleTestCase):
    def body_with_box(self, heading: str, byline: str) -> list[str]:
        prose = [
            f"Paragraph {i} reports that the two governments met in Geneva on Tuesday and "
            "agreed to keep talking, officials said."
            for i in range(10)
        ]
        box = [heading, byline, "The box opens with a long sentence about life in the city."]
        box.append("Advertisement")
        dump = "\n\n".join(["Talks resume in Geneva after a long pause", "By Jane Doe"])
        dump += "\n\n" + "\n\n".join(prose[:7] + box + prose[7:]) + "\n"
        return only_document(self.write("talks.txt", dump)).body.split("\n\n")

    def test_a_correspondents_section_under_a_short_heading_stays_in_the_body(self):
        body = self.body_with_box("A city upended", "By Nada Tawfik, BBC News, New York")
        self.assertIn("The box opens with a long sentence about life in the city.", body)
        self.assertEqual(len(body), 11)

    def test_another_story_under_its_own_headline_and_byline_leaves_the_body(self):
        body = self.body_with_box(
            "Prince Charles: One million young people need urgent help amid crisis",
            "By Tom Pyman for MailOnline",
        )
        self.assertNotIn("The box opens with a long sentence about life in the city.", body)
        self.assertEqual(len(body), 10)


class HtmlTests(SimpleTestCase):
    def check_golden(self, name):
        expected = json.loads((DATA / "html" / f"{name}.expected.json").read_text())
        doc = only_document(DATA / "html" / f"{name}.html")
        self.assertEqual(doc.title, expected["title"])
        self.assertEqual(doc.published.isoformat(), expected["published"])
        self.assertEqual(doc.source, expected["source"])
        self.assertEqual(doc.language, expected["language"])
        for key in ("author", "url"):
            if key in expected:
                self.assertEqual(getattr(doc, key), expected[key])
        paragraphs = doc.body.split("\n\n")
        self.assertTrue(paragraphs[0].startswith(expected["body_first"]), paragraphs[0])
        self.assertTrue(paragraphs[-1].endswith(expected["body_last"]), paragraphs[-1])
        for text in expected["absent"]:
            self.assertNotIn(text, doc.body)
        self.assertEqual(doc.content_type, "text/html")
        return doc

    def test_it_reads_a_small_article_without_the_site_suffix(self):
        self.check_golden("article")

    def test_it_decodes_an_euc_kr_page_from_its_meta_charset(self):
        doc = self.check_golden("euc_kr")
        self.assertIn("금강산", doc.body)


HTML_PROSE = "".join(
    f"<p>Paragraph {i} reports that the two governments met in Geneva on Tuesday and "
    "agreed to keep talking, officials said.</p>"
    for i in range(5)
)


def article_page(head: str = "", before: str = "", after: str = "") -> str:
    """A saved article page: ``head`` in its <head>, then the headline, ``before``, five
    paragraphs and ``after``."""
    return (
        f"<html><head><title>Talks resume</title>{head}</head><body><article>"
        f"<h1>Talks resume in Geneva</h1>{before}{HTML_PROSE}{after}</article></body></html>"
    )


class HtmlCreditTests(TempDirMixin, SimpleTestCase):
    def test_a_visible_credit_under_the_headline_is_the_author_a_picture_credit_is_not(self):
        picture = (
            '<figure><img src="x.jpg"><figcaption><span class="credit">Getty Images</span>'
            "</figcaption></figure>"
        )
        no_author = '<meta name="author" content="No Author">'
        page = article_page(no_author, picture + '<p class="credit">JIJI</p>')
        self.assertEqual(only_document(self.write("masks.html", page)).author, "Jiji Press")
        page = article_page(no_author, picture)
        self.assertEqual(only_document(self.write("masks2.html", page)).author, "")

    def test_the_outlet_and_the_rights_holder_are_not_authors_beside_a_person(self):
        def author(head):
            return only_document(self.write("talks.html", article_page(head))).author

        site = '<meta property="og:site_name" content="Example News">'
        self.assertEqual(
            author(site + '<meta name="author" content="Tom Watkins; Example News">'), "Tom Watkins"
        )
        owner = '<meta name="copyright" content="Copyright (c) Example Media Group 2023">'
        self.assertEqual(
            author(owner + '<meta name="author" content="Example Media Group; Jane Roe">'),
            "Jane Roe",
        )
        self.assertEqual(
            author(site + '<meta name="author" content="Example News">'), "Example News"
        )

    def test_closing_bylines_contact_lines_end_marks_and_link_boxes_leave_the_body(self):
        links = "".join(f"<li>Other story number {i} about something else</li>" for i in range(4))
        endings = {
            "<p>-- By Michael Russell Follow @tdmrussell</p>": "Michael Russell",
            "<p>Write to Alejandro de la Garza at alejandro.delagarza@time.com</p>": (
                "Alejandro de la Garza"
            ),
            f"<h2>More Must-Reads From TIME</h2><ul>{links}</ul>": "",
            "<p>(END)</p>": "",
        }
        for ending, author in endings.items():
            with self.subTest(ending=ending):
                doc = only_document(self.write("talks.html", article_page(after=ending)))
                self.assertTrue(doc.body.endswith("officials said."), doc.body[-200:])
                self.assertEqual(doc.author, author)

    def test_a_site_tagline_and_words_after_an_author_name_are_dropped(self):
        head = (
            '<meta property="og:site_name" content="Example Daily - All the news, all day">'
            '<meta name="author" content="Jana Nováková před">'
        )
        doc = only_document(self.write("talks.html", article_page(head)))
        self.assertEqual((doc.source, doc.author), ("Example Daily", "Jana Nováková"))

    def test_a_byline_line_opening_the_text_is_not_body(self):
        author = '<meta name="author" content="Anna Ūdre">'
        for byline in ("<p>Autori:Anna Ūdre(LTV ārzemju ziņu redaktore)</p>", "<p>By Jane Doe</p>"):
            with self.subTest(byline=byline):
                doc = only_document(self.write("talks.html", article_page(author, byline)))
                self.assertTrue(doc.body.startswith("Paragraph 0 reports"), doc.body[:100])
        quoted = "<p>Anna Ūdre said the talks would resume.</p>"
        doc = only_document(self.write("talks.html", article_page(author, quoted)))
        self.assertTrue(doc.body.startswith("Anna Ūdre said"), doc.body[:100])

    def test_a_short_sentence_opening_with_by_is_not_a_byline(self):
        page = article_page(after="<p>By Then, the talks had stalled again for weeks.</p>")
        self.assertEqual(only_document(self.write("talks.html", page)).author, "")

    def test_closing_credit_lines_leave_the_body_and_name_the_authors(self):
        credits = (
            "<p>Reporting by Jill Serjeant; Additional reporting by Lisa Richwine; Editing by "
            "Nick Zieminski</p><p>Alex Isenstadt contributed to this report.</p>"
        )
        doc = only_document(self.write("talks.html", article_page(after=credits)))
        self.assertTrue(doc.body.endswith("officials said."), doc.body[-200:])
        self.assertEqual(doc.author, "Jill Serjeant, Lisa Richwine")


class HtmlDateTests(TempDirMixin, SimpleTestCase):
    def test_a_time_marked_as_creation_is_the_date_not_the_update_meta(self):
        page = article_page(
            '<meta property="og:updated_time" content="2020-06-02T11:57:06+02:00">',
            '<time class="field-name-field-node-create-date">31.03.2020</time>',
        )
        doc = only_document(self.write("talks.html", page))
        self.assertEqual(doc.published.date().isoformat(), "2020-03-31")

    def test_a_date_labelled_published_is_read_a_date_in_prose_after_posted_is_not(self):
        labelled = article_page(after="<footer><p>Published: 12 March 2020</p></footer>")
        doc = only_document(self.write("labelled.html", labelled))
        self.assertEqual(doc.published.date().isoformat(), "2020-03-12")
        prose = article_page(
            after="<p>Photos posted while in Las Vegas on January 20, 2017 show him there.</p>"
            "<footer><p>Published: 12 March 2020</p></footer>"
        )
        doc = only_document(self.write("prose.html", prose))
        self.assertEqual(doc.published.date().isoformat(), "2020-03-12")

    def test_a_guessed_date_after_the_stated_last_update_is_no_publication_date(self):
        update = '<p class="modification">Latest update : 2015-05-12</p>'
        page = article_page('<meta name="date" content="2015-05-13">', update)
        doc = only_document(self.write("late.html", page))
        self.assertIsNone(doc.published)
        self.assertTrue(doc.body.startswith("Paragraph 0"), doc.body[:80])
        page = article_page('<meta name="date" content="2015-05-11">', update)
        doc = only_document(self.write("early.html", page))
        self.assertEqual(doc.published.date().isoformat(), "2015-05-11")

    def test_a_date_created_label_is_the_publication_date_and_not_body(self):
        page = article_page(after='<p class="created">Date created : 2015-05-12</p>')
        doc = only_document(self.write("created.html", page))
        self.assertEqual(doc.published.date().isoformat(), "2015-05-12")
        self.assertTrue(doc.body.endswith("officials said."), doc.body[-80:])

    def test_a_copyright_year_alone_is_no_publication_date(self):
        copyright_only = article_page(after="<footer><p>© 2013 Example News</p></footer>")
        self.assertIsNone(only_document(self.write("c.html", copyright_only)).published)
        new_year = article_page(
            '<meta property="og:title" content="Talks resume">',
            "<p class='date'>January 1, 2013</p>",
            "<footer><p>© 2013 Example News</p></footer>",
        )
        doc = only_document(self.write("n.html", new_year))
        self.assertEqual(doc.published.date().isoformat(), "2013-01-01")


class HtmlLeadInTests(TempDirMixin, SimpleTestCase):
    def body_of(self, lead_in: str) -> list[str]:
        page = article_page('<meta property="og:title" content="Geneva talks resume">', lead_in)
        return only_document(self.write("talks.html", page)).body.split("\n\n")

    def test_labels_and_the_repeated_headline_before_the_first_sentence_are_not_body(self):
        lead_in = (
            "<ul><li>12 comments</li><li>From the section Europe</li></ul><p>Diplomacy</p>"
            "<p>Geneva talks resume</p>"
        )
        self.assertTrue(self.body_of(lead_in)[0].startswith("Paragraph 0 reports"))

    def test_a_dateline_on_its_own_opens_the_first_paragraph(self):
        body = self.body_of("<p>GENEVA —</p>")
        self.assertTrue(body[0].startswith("GENEVA — Paragraph 0 reports"), body[0])

    def test_a_drop_cap_is_put_back_into_its_word(self):
        lead_in = '<span class="cap">T</span><p><a href="/t/turkey">urkey</a> and Poland met.</p>'
        self.assertEqual(self.body_of(lead_in)[0], "Turkey and Poland met.")

    def test_a_short_first_sentence_and_a_long_list_are_kept(self):
        lead_in = (
            "<p>It is over.</p><ul><li>Ministers agreed a timetable for the next round</li></ul>"
        )
        self.assertEqual(
            self.body_of(lead_in)[:2],
            ["It is over.", "- Ministers agreed a timetable for the next round"],
        )


class HtmlHeadlineTests(TempDirMixin, SimpleTestCase):
    """The title is the headline the page shows above its article, not a copy in page
    chrome and not the social-media title."""

    STATED = '<title>Talks resume | Example News</title><meta property="og:title" content="Talks resume">'

    def title_and_body(self, before: str, after: str = "", head: str = STATED) -> tuple[str, str]:
        page = (
            f"<html><head>{head}</head><body>{before}<article>{HTML_PROSE}</article>"
            f"{after}</body></html>"
        )
        doc = only_document(self.write("talks.html", page))
        return doc.title, doc.body

    def test_the_h1_above_the_article_is_the_title(self):
        title, _ = self.title_and_body("<h1>Talks resume in Geneva after a year</h1>")
        self.assertEqual(title, "Talks resume in Geneva after a year")

    def test_the_site_name_inside_the_h1_is_not_part_of_the_headline(self):
        title, _ = self.title_and_body(
            '<h1><span>Talks resume in Geneva</span><a href="/">Example News</a></h1>',
            head="<title>Talks resume in Geneva » World » Example News</title>",
        )
        self.assertEqual(title, "Talks resume in Geneva")

    def test_an_element_marked_as_the_headline_wins_over_a_generic_title(self):
        title, _ = self.title_and_body(
            '<p><span class="headline entry-title">Talks resume in Geneva after a year</span></p>',
            head="<title>News from Example Wire</title>",
        )
        self.assertEqual(title, "Talks resume in Geneva after a year")

    def test_a_breadcrumb_h1_in_the_navigation_is_not_the_headline(self):
        crumbs = '<nav><ol class="breadcrumb"><li><h1>Politik: Talks resume, say officials</h1>'
        headline = '<h2 class="article-headline">Talks resume in Geneva after a year</h2>'
        title, _ = self.title_and_body(crumbs + "</li></ol></nav>" + headline)
        self.assertEqual(title, "Talks resume in Geneva after a year")
        title, _ = self.title_and_body(crumbs + "</li></ol></nav>")
        self.assertEqual(title, "Talks resume")

    def test_a_headline_copy_in_the_share_box_below_the_article_is_not_the_headline(self):
        headline = "<h2>Talks resume: ministers meet in Geneva after a year of silence</h2>"
        share = '<div class="share"><h3>Share this article:</h3><h1>Talks resume</h1></div>'
        title, body = self.title_and_body(f"<article>{headline}", share)
        self.assertEqual(title, "Talks resume: ministers meet in Geneva after a year of silence")
        self.assertTrue(body.startswith("Paragraph 0 reports"), body[:120])


class HtmlSkipTests(TempDirMixin, SimpleTestCase):
    def test_it_skips_a_front_page(self):
        teasers = "".join(
            f'<li><a href="/news/story-{i}">Story number {i} headline</a></li>' for i in range(40)
        )
        page = (
            "<html><head><title>Example News - Latest News &amp; Headlines</title>"
            '<meta property="og:type" content="website">'
            '<meta property="og:url" content="https://news.example.com/"></head>'
            f"<body><h1>Example News</h1><ul>{teasers}</ul></body></html>"
        )
        items = read_all(self.write("front.html", page))
        self.assertEqual(len(items), 1)
        self.assertIsInstance(items[0], Skipped)
        self.assertIn("not an article", items[0].reason)


class WarcTests(TempDirMixin, SimpleTestCase):
    def test_each_record_is_a_document_or_skipped_with_its_type(self):
        for gzipped in (False, True):
            with self.subTest(gzipped=gzipped):
                path = self.write("crawl.warc.gz" if gzipped else "crawl.warc", build_warc(gzipped))
                items = read_all(path)
                docs = [i for i in items if isinstance(i, ParsedDocument)]
                reasons = [i.reason for i in items if isinstance(i, Skipped)]
                self.assertEqual(len(docs), 1)
                self.assertEqual(len(reasons), 3)
                for kind in ("warcinfo", "request", "revisit"):
                    self.assertTrue(any(kind in r for r in reasons), reasons)
                doc = docs[0]
                self.assertEqual(doc.title, "Seoul and Tokyo agree to resume shuttle diplomacy")
                self.assertEqual(doc.url, "https://www.reuters.com/world/story")
                self.assertEqual(doc.captured, datetime(2023, 3, 16, 12, 0, tzinfo=UTC))
                self.assertTrue(doc.raw.startswith(b"HTTP/1.1 200 OK"))
                self.assertTrue(doc.raw.endswith(ARTICLE_HTML))
                self.assertRegex(doc.origin, r"crawl\.warc(\.gz)?#\d+$")
                self.assertEqual(len({i.origin for i in items}), len(items))

    def test_a_response_goes_to_the_payload_reader_registered_for_its_media_type(self):
        path = self.write("crawl.warc", build_warc(gzipped=False))
        seen = []

        def plain_reader(payload, origin, **context):
            seen.append((payload, context["url"]))
            return Skipped(origin, "read by the stand-in")

        with mock.patch.dict(PAYLOAD_READERS, {"text/html": plain_reader}, clear=True):
            reasons = [i.reason for i in read_all(path)]
        self.assertEqual(
            seen, [(ARTICLE_HTML, "https://www.reuters.com/world/story?utm_source=rss")]
        )
        self.assertIn("read by the stand-in", reasons)

    def test_a_response_of_an_unregistered_media_type_is_skipped(self):
        path = self.write("crawl.warc", build_warc(gzipped=False))
        with mock.patch.dict(PAYLOAD_READERS, {"application/pdf": None}, clear=True):
            reasons = [i.reason for i in read_all(path)]
        self.assertIn("WARC response record with non-HTML content (text/html)", reasons)

    def test_a_truncated_warc_yields_the_records_before_the_damage_then_fails(self):
        data = build_warc(gzipped=False)
        cut = data.index(ARTICLE_HTML) + 200
        path = self.write("cut.warc", data[:cut])
        seen = []
        with self.assertRaisesRegex(ReadError, "truncated"):
            for item in read_path(path):
                seen.append(item)
        self.assertTrue(seen)
        self.assertTrue(all(isinstance(i, Skipped) for i in seen))

    def test_a_truncated_gzip_warc_fails_with_a_clear_reason(self):
        data = build_warc(gzipped=True)
        path = self.write("cut.warc.gz", data[: len(data) * 2 // 3])
        with self.assertRaisesRegex(ReadError, "truncated|ends early"):
            read_all(path)

    def test_a_compression_bomb_is_refused_without_inflating_it(self):
        bomb = gzip.compress(b"\0" * (8 * 1024 * 1024), compresslevel=1)
        path = self.write("bomb.warc.gz", bomb)
        with mock.patch("archive.ingest.warc.MAX_INFLATED", 4 * 1024 * 1024):
            with self.assertRaisesRegex(ReadError, "compression bomb"):
                read_all(path)

    def test_an_archive_of_many_gzip_members_reads_every_record(self):
        data = build_warc(gzipped=True) * 400  # one gzip member per record
        path = self.write("long.warc.gz", data)
        self.assertEqual(len([i for i in read_all(path) if isinstance(i, ParsedDocument)]), 400)

    def test_an_oversized_record_is_skipped_and_the_rest_read(self):
        path = self.write("big.warc", build_warc(gzipped=False))
        with mock.patch("archive.ingest.warc.MAX_PAYLOAD", 1000):
            items = read_all(path)
        reasons = [i.reason for i in items if isinstance(i, Skipped)]
        self.assertTrue(any("payload larger than 1,000 bytes" in r for r in reasons), reasons)
        self.assertEqual(len(items), 4)


class JsonlTests(TempDirMixin, SimpleTestCase):
    def test_records_become_documents_and_bad_lines_are_skipped(self):
        path = DATA / "jsonl" / "records.jsonl"
        expected = json.loads((DATA / "jsonl" / "records.expected.json").read_text())
        items = read_all(path)
        docs = {Path(d.origin).name: d for d in items if isinstance(d, ParsedDocument)}
        self.assertEqual(set(docs), set(expected))
        for name, want in expected.items():
            doc = docs[name]
            with self.subTest(record=name):
                self.assertEqual(doc.title, want["title"])
                self.assertEqual(doc.published.isoformat(), want["published"])
                self.assertEqual(doc.source, want["source"])
                self.assertEqual(doc.author, want["author"])
                self.assertEqual(doc.url, want["url"])
                self.assertEqual(doc.dateline, want["dateline"])
                self.assertEqual(doc.body, want["body"])
                self.assertEqual(doc.content_type, "application/json")
        skipped = [i for i in items if isinstance(i, Skipped)]
        self.assertEqual(len(skipped), 2)
        self.assertIn("line 3", skipped[0].reason)
        self.assertIn("no text", skipped[1].reason)

    def test_raw_is_the_records_own_line(self):
        path = DATA / "jsonl" / "records.jsonl"
        first_line = path.read_bytes().split(b"\n")[0]
        doc = next(i for i in read_all(path) if isinstance(i, ParsedDocument))
        self.assertEqual(doc.raw, first_line)

    def test_a_json_file_may_hold_a_list_of_records(self):
        records = [
            {
                "id": "a",
                "title": "One",
                "date": "2024-01-02T10:00:00+09:00",
                "source": "reuters.com",
                "text": "Seoul said so on Tuesday.",
            }
        ]
        docs = read_all(self.write("list.json", json.dumps(records)))
        self.assertEqual(len(docs), 1)
        self.assertEqual(docs[0].origin, f"{self.dir / 'list.json'}#a")
        self.assertEqual(docs[0].published, datetime(2024, 1, 2, 1, 0, tzinfo=UTC))
        self.assertEqual(docs[0].source, "Reuters")


class BadInputTests(TempDirMixin, SimpleTestCase):
    def assertUnreadable(self, path, reason, **kwargs):
        with self.assertRaisesRegex(ReadError, reason):
            read_all(path, **kwargs)

    def test_binary_junk_is_refused(self):
        rng = random.Random(7)
        junk = bytes(rng.randrange(256) for _ in range(4000))
        self.assertUnreadable(self.write("junk.txt", junk), "binary")

    def test_an_empty_file_is_refused(self):
        self.assertUnreadable(self.write("empty.txt", b""), "empty")
        self.assertUnreadable(self.write("blank.html", b"  \n\n "), "empty")

    def test_a_gzip_warc_with_a_malformed_record_is_refused(self):
        data = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + bytes(range(256)) * 16)
        self.assertUnreadable(
            self.write("odd.warc.gz", data[: len(data) // 2]), "damaged|truncated"
        )

    def test_a_truncated_gzip_is_refused(self):
        data = gzip.compress(b"WARC/1.0\r\n" + b"x" * 5000)
        self.assertUnreadable(self.write("cut.warc.gz", data[:40]), "truncated|ends early")

    def test_content_that_does_not_match_the_extension_is_refused(self):
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
        self.assertUnreadable(self.write("page.html", png), "PNG image")
        self.assertUnreadable(self.write("dump.txt", gzip.compress(b"hello")), "gzip")
        self.assertUnreadable(self.write("crawl.warc.gz", b"WARC/1.0\r\nplain"), "not gzip")
        self.assertUnreadable(self.write("crawl.warc", b"<html>hello</html>"), "no WARC")

    def test_undecodable_text_is_refused(self):
        rng = random.Random(3)
        data = bytes(
            rng.choice([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC0, 0xC1, 0xF5, 0xFF])
            for _ in range(3000)
        )
        self.assertUnreadable(self.write("mojibake.txt", data), "invalid UTF-8")

    def test_a_latin_1_file_is_decoded_by_detection(self):
        text = "Le président a déclaré que la réunion était très importante pour la sécurité. " * 5
        path = self.write(
            "latin1.txt", ("Un titre assez long pour un titre\n\n" + text).encode("latin-1")
        )
        self.assertIn("président", only_document(path).body)

    def test_a_file_over_the_size_cap_is_refused(self):
        path = self.write("big.txt", "x " * 600)
        self.assertUnreadable(path, "too large", max_bytes=1000)

    def test_a_missing_path_or_a_directory_is_refused(self):
        self.assertUnreadable(self.dir / "nowhere.txt", "not found")
        (self.dir / "folder.txt").mkdir()
        self.assertUnreadable(self.dir / "folder.txt", "directory")

    @unittest.skipIf(hasattr(os, "geteuid") and os.geteuid() == 0, "root can read any file")
    def test_an_unreadable_file_is_refused(self):
        path = self.write("secret.txt", "text")
        path.chmod(0)
        self.addCleanup(path.chmod, 0o644)
        self.assertUnreadable(path, "not readable")

    def test_an_unknown_extension_is_refused(self):
        self.assertUnreadable(self.write("notes.docx", "hello"), "unknown file type")

    def test_a_bad_record_inside_a_good_file_is_skipped_not_fatal(self):
        path = self.write("mixed.jsonl", '[1, 2]\n{"title": "T", "text": "Body text."}\n')
        items = read_all(path)
        self.assertIsInstance(items[0], Skipped)
        self.assertIn("not a JSON object", items[0].reason)
        self.assertIsInstance(items[1], ParsedDocument)


class IterFilesTests(TempDirMixin, SimpleTestCase):
    def test_it_expands_directories_in_order_and_skips_hidden_files_and_notes(self):
        for name in (
            "b/2.txt",
            "a.html",
            "b/1.jsonl",
            ".hidden.txt",
            ".git/x.txt",
            "README.md",
            "MANIFEST.jsonl",
            "picture.png",
            "c/crawl.warc.gz",
        ):
            self.write(name, "x")
        found = [p.relative_to(self.dir).as_posix() for p in iter_files([self.dir])]
        self.assertEqual(
            found, ["a.html", "b/1.jsonl", "b/2.txt", "c/crawl.warc.gz", "picture.png"]
        )

    def test_a_named_file_is_always_yielded(self):
        path = self.write("README.txt", "x")
        self.assertEqual(list(iter_files([path])), [path])

    def test_every_promised_extension_has_a_reader(self):
        for ext in (
            ".txt",
            ".html",
            ".htm",
            ".warc",
            ".warc.gz",
            ".arc",
            ".arc.gz",
            ".jsonl",
            ".json",
        ):
            self.assertIn(ext, READERS)


class MetadataTests(SimpleTestCase):
    def test_a_byline_names_people_not_the_outlet_or_place_after_them(self):
        self.assertEqual(authors_from_byline("By Nada Tawfik, BBC News, New York"), ["Nada Tawfik"])
        self.assertEqual(authors_from_byline("By JIJI"), ["JIJI"])

    def test_authors_are_joined_once_each_and_an_agency_keeps_its_name(self):
        self.assertEqual(join_authors(["JANE DOE", "Afp", "Jane Doe"]), "Jane Doe, AFP")

    def test_a_closing_wire_credit_leaves_the_body(self):
        body = ["Talks began.", "Talks ended, officials said. (FR mit dpa)", "*A network note"]
        self.assertEqual(
            closing_wire_credit(body),
            (["Talks began.", "Talks ended, officials said.", "*A network note"], "FR mit dpa"),
        )
        self.assertEqual(closing_wire_credit(["Text.", "(AFP)"]), (["Text."], "AFP"))
        for kept in (["A launch. (AP Photo)"], ["Prices rose (see table)"], ["Text."] + ["x"] * 4):
            with self.subTest(kept=kept):
                self.assertEqual(closing_wire_credit(kept), (kept, ""))

    def test_one_source_per_outlet(self):
        for name in (
            "Reuters",
            "reuters.com",
            "Reuters Staff",
            "Reuters (Reuters-21578 Distribution 1.0)",
            "www.reuters.com",
        ):
            self.assertEqual(canonical_source(name), "Reuters")
        self.assertEqual(canonical_source("KCNA (Korean Central News Agency, kcna.kp)"), "KCNA")
        self.assertEqual(
            canonical_source("Daily Mail / MailOnline (inferred from image URLs)"), "Daily Mail"
        )
        self.assertEqual(canonical_source("Some Gazette Staff"), "Some Gazette")
        self.assertEqual(canonical_source("www.smallpaper.org"), "smallpaper")
        self.assertEqual(canonical_source(None), "")

    def test_canonical_url_drops_tracking_and_fragments(self):
        self.assertEqual(
            canonical_url("https://WWW.Example.com/a?id=3&utm_source=x&fbclid=y&gclid=z#part"),
            "https://www.example.com/a?id=3",
        )
        self.assertEqual(canonical_url(None), "")

    def test_dates_are_aware_utc(self):
        self.assertEqual(
            parse_date("2024-12-07T09:00:00+09:00"), datetime(2024, 12, 7, 0, 0, tzinfo=UTC)
        )
        self.assertEqual(parse_date("1987-03-03T04:10:00"), datetime(1987, 3, 3, 4, 10, tzinfo=UTC))
        self.assertEqual(
            parse_date("Thursday, 23 September 2021 6:50 AM"),
            datetime(2021, 9, 23, 6, 50, tzinfo=UTC),
        )
        self.assertEqual(
            parse_date("Dec. 6, 2024, 10:00 PM EST"), datetime(2024, 12, 7, 3, 0, tzinfo=UTC)
        )
        self.assertEqual(parse_date("31.03.2020"), datetime(2020, 3, 31, tzinfo=UTC))  # day first
        self.assertIsNone(parse_date("12.31.2020"))
        self.assertEqual(parse_date("04.05.20 14:50"), datetime(2020, 5, 4, 14, 50, tzinfo=UTC))
        self.assertEqual(parse_date("2020.03.31"), datetime(2020, 3, 31, tzinfo=UTC))  # no 03:31
        self.assertIsNone(parse_date("version 3.10.12 released"))
        self.assertIsNone(parse_date("Updated"))

    def test_wire_datelines(self):
        wire = parse_wire_dateline("Pyongyang, July 14 (KCNA) -- The delegation left.", 2024)
        self.assertEqual((wire["place"], wire["source"]), ("Pyongyang", "KCNA"))
        self.assertEqual(wire["published"], datetime(2024, 7, 14, tzinfo=UTC))
        wire = parse_wire_dateline("SEOUL, March 3 (Reuters) - Exports rose.")
        self.assertEqual(
            (wire["place"], wire["source"], wire["published"]), ("Seoul", "Reuters", None)
        )
        self.assertIsNone(parse_wire_dateline("The delegation left on Sunday."))

    def test_language(self):
        self.assertEqual(detect_language("남북 이산가족 상봉 행사가 금강산에서 열렸다."), "ko")
        self.assertEqual(detect_language("The minister said that the talks were useful."), "en")
        self.assertEqual(
            detect_language(
                "Der Minister sagte, dass die Gespräche nicht mit dem Plan übereinstimmen und auch sich ändern."
            ),
            "de",
        )


def ingest_imports(path: Path) -> set[str]:
    """The ``archive.ingest`` modules ``path`` imports."""
    tree = ast.parse(path.read_text())
    names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return {name for name in names if name.startswith("archive.ingest")}


class ReaderLayerTests(SimpleTestCase):
    INGEST = Path(settings.BASE_DIR) / "archive" / "ingest"
    # Each format's reader, and the modules only it may import (its own subpackage).
    READERS = {
        "warc.py": (),
        "jsonl.py": (),
        "html": ("archive.ingest.html",),
        "text": ("archive.ingest.text",),
    }

    def test_no_reader_imports_another_reader(self):
        others = {"archive.ingest.warc", "archive.ingest.jsonl", "archive.ingest.readers"}
        others |= {"archive.ingest.html", "archive.ingest.text"}
        for name, own in self.READERS.items():
            path = self.INGEST / name
            for module in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
                imported = {
                    i for i in ingest_imports(module) if not any(i.startswith(o) for o in own)
                }
                with self.subTest(module=module.name):
                    self.assertFalse(
                        {i for i in imported if i.startswith(tuple(others))},
                        f"{module} imports another reader",
                    )


class SharedLineRuleTests(SimpleTestCase):
    def test_a_credit_line_is_a_credit_or_a_byline_but_not_prose(self):
        self.assertTrue(is_credit_line("Reporting by Jill Serjeant; Editing by Mark Heinrich"))
        self.assertTrue(is_credit_line("By Jane Doe"))
        self.assertFalse(is_credit_line("By contrast, the South held its ground on Tuesday."))

    def test_a_picture_credit_is_labelled_or_bare(self):
        for line in ("Photograph: Guy Smallman/Getty Images", "Picture credit: AP"):
            self.assertTrue(is_picture_credit(line, bare=False), line)
        for line in ("Credit: STR/AFP", "(Getty/Kevork Djansezian)", "REUTERS"):
            self.assertTrue(is_picture_credit(line), line)
            self.assertFalse(is_picture_credit(line, bare=False), line)
        self.assertFalse(is_picture_credit("Photo: " + "a long caption " * 10))

    def test_lines_wrapped_at_a_fixed_width_are_hard_wrapped(self):
        wrapped = ["The ministry said on Monday that the talks", "would resume next week in"]
        wrapped += ["Seoul after a pause of two months.", "Officials did not say more."]
        self.assertTrue(is_hard_wrapped(wrapped, min_lines=4, open_share=0.5))
        self.assertFalse(is_hard_wrapped(wrapped, min_lines=5, open_share=0.5))
        self.assertFalse(is_hard_wrapped(wrapped, min_lines=4, open_share=0.5, max_median=30))
        paragraphs = ["One sentence ends here.", "Another one ends here.", "And a third."]
        self.assertFalse(is_hard_wrapped(paragraphs, min_lines=3, open_share=0.5))


class AuthorFieldOpeningTests(SimpleTestCase):
    """An author field's opening "By" (or French "par", German "von") is one rule for every
    reader and for the page evaluation."""

    def test_by_opens_a_byline(self):
        self.assertEqual(without_opening("By Jane Doe"), "Jane Doe")
        self.assertEqual(without_opening("by jane doe"), "jane doe")

    def test_par_and_von_open_a_byline_before_a_full_name(self):
        self.assertEqual(without_opening("par Marie Dupont"), "Marie Dupont")
        self.assertEqual(without_opening("Von Hans Müller"), "Hans Müller")

    def test_von_alone_before_one_word_is_part_of_the_name(self):
        self.assertEqual(without_opening("Von Miller"), "Von Miller")
        self.assertEqual(without_opening("Bybee Smith"), "Bybee Smith")
