"""Entity extraction: gazetteer + rules on spaCy's tokenizer, resolution, evaluation commands."""

import io
import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import SimpleTestCase

from archive.entities.entries import GazetteerEntry
from archive.entities.evaluation import match, score
from archive.entities.gazetteer import Gazetteer
from archive.entities.pipeline import extract
from archive.entities.types import COUNTRY, ORGANIZATION, PERSON, normalise_name
from archive.ingest.document import ParsedDocument
from archive.ingest.readers import read_path
from tests.base import TRILATERAL_TALKS_PERSONS

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "entities"


def names(actors, kind):
    return {a.name for a in actors if a.kind == kind}


def codes(actors):
    return {a.code for a in actors if a.kind == COUNTRY}


def seed(name):
    doc = next(d for d in read_path(ROOT / "seeds" / name) if isinstance(d, ParsedDocument))
    return extract(doc.title, doc.body)


class SeedArticleTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.end_of_war = seed("000_2df2ae82ccda354f.txt")
        cls.diplomats = seed("003_70be1ee6b39d7070.txt")

    def test_it_finds_exactly_the_people_of_the_end_of_war_article(self):
        self.assertEqual(
            names(self.end_of_war, PERSON),
            {"Moon Jae-in", "Lloyd Austin", "Suh Wook", "Park Kyung-mee"},
        )

    def test_it_finds_the_countries_and_organizations_of_the_end_of_war_article(self):
        self.assertEqual(codes(self.end_of_war), {"KR", "KP", "US", "CN"})
        self.assertEqual(
            names(self.end_of_war, ORGANIZATION), {"United Nations Command", "Yonhap News Agency"}
        )

    def test_it_finds_the_diplomats_and_bodies_of_the_trilateral_talks_article(self):
        people = names(self.diplomats, PERSON)
        for person in TRILATERAL_TALKS_PERSONS:
            self.assertIn(person, people)
        orgs = names(self.diplomats, ORGANIZATION)
        for org in (
            "United Nations Security Council",
            "United Nations General Assembly",
            "United States Department of State",
        ):
            self.assertIn(org, orgs)

    def test_page_furniture_gives_no_actors(self):
        people = names(self.end_of_war, PERSON) | names(self.diplomats, PERSON)
        self.assertNotIn("Vladimir Putin", people)
        self.assertNotIn("Christopher Luxon", people)
        self.assertNotIn("PK", codes(self.end_of_war))


class ResolutionTests(SimpleTestCase):
    def test_a_surname_resolves_to_the_full_name_already_mentioned(self):
        actors = extract("", "President Moon Jae-in met Lloyd Austin. Moon said Austin agreed.")
        moon = next(a for a in actors if a.name == "Moon Jae-in")
        self.assertEqual(moon.count, 2)
        self.assertEqual(names(actors, PERSON), {"Moon Jae-in", "Lloyd Austin"})

    def test_a_surname_never_resolves_to_an_unrelated_actor(self):
        actors = extract("", "Park Kyung-mee briefed reporters. Moon said nothing about it.")
        self.assertEqual(names(actors, PERSON), {"Park Kyung-mee"})

    def test_spellings_of_one_name_are_one_actor_with_the_canonical_name(self):
        actors = extract("Kim Jong-un warns", "Kim Jong Un spoke. Later Kim Jong-Un left.")
        kims = [a for a in actors if a.kind == PERSON]
        self.assertEqual([(a.name, a.count) for a in kims], [("Kim Jong Un", 3)])

    def test_an_unknown_person_introduced_by_a_role_is_found(self):
        actors = extract("", "Vice Foreign Minister Rho Tae-kyu met Ambassador Jane Whitcombe.")
        self.assertEqual(names(actors, PERSON), {"Rho Tae-kyu", "Jane Whitcombe"})

    def test_a_plural_role_title_introduces_names_and_is_not_part_of_them(self):
        actors = extract("", "Present there were Vice-Premiers Pak Jong Gun and Ri Song Hak.")
        self.assertEqual(names(actors, PERSON), {"Pak Jong Gun", "Ri Song Hak"})

    def test_office_and_party_words_before_a_name_are_not_part_of_it(self):
        actors = extract(
            "",
            "Tory MP Neil Parish and Whole Foods CEO John Mackey spoke. Police Superintendent "
            "Robert Runcie agreed, and a Conservative MP disagreed.",
        )
        self.assertEqual(names(actors, PERSON), {"Neil Parish", "John Mackey", "Robert Runcie"})

    def test_co_as_a_prefix_is_no_company(self):
        actors = extract("", "Japan's Greater East Asia Co-Prosperity Sphere met Hyundai Co.")
        self.assertEqual(names(actors, ORGANIZATION), {"Hyundai Co"})

    def test_a_capitalised_heading_after_a_role_word_is_not_a_name(self):
        actors = extract(
            "", "He left.\n\nWHAT AIDES SAID ABOUT HIM\n\nJim Mattis called him a friend."
        )
        self.assertEqual(names(actors, PERSON), {"James Mattis"})

    def test_an_unknown_organization_is_found_by_its_head_word(self):
        actors = extract(
            "", "Managers at the Ryongsong Machine Complex met the Hamhung Chemical Corp staff."
        )
        self.assertEqual(
            names(actors, ORGANIZATION), {"Ryongsong Machine Complex", "Hamhung Chemical Corp"}
        )

    def test_an_organization_only_in_a_persons_title_is_not_an_actor(self):
        actors = extract(
            "", "U.S. Treasury Secretary James Baker met Nam Sung-wook of Korea University."
        )
        self.assertEqual(names(actors, PERSON), {"James Baker", "Nam Sung-wook"})
        self.assertEqual(names(actors, ORGANIZATION), {"Korea University"})

    def test_an_organization_only_before_a_lower_case_office_and_a_name_is_not_an_actor(self):
        actors = extract("", "Bank of Korea governor Jon Reyes said rates would hold.")
        self.assertEqual(names(actors, PERSON), {"Jon Reyes"})
        self.assertEqual(names(actors, ORGANIZATION), set())

    def test_an_organization_whose_spokesman_speaks_is_an_actor(self):
        actors = extract("", "Bank of Korea spokesman Jon Reyes said rates would hold.")
        self.assertEqual(names(actors, ORGANIZATION), {"Bank of Korea"})

    def test_spans_are_offsets_into_the_body_and_count_includes_the_title(self):
        body = "Talks in Seoul went well, Seoul said."
        korea = next(a for a in extract("Seoul talks", body) if a.code == "KR")
        self.assertEqual([body[s:e] for s, e in korea.spans], ["Seoul", "Seoul"])
        self.assertEqual(korea.count, 3)


class ScraperDamageTests(SimpleTestCase):
    def test_glued_leader_names_are_found(self):
        record = json.loads((DATA / "records.jsonl").read_text().splitlines()[0])
        actors = extract(record["title"], record["text"])
        self.assertEqual(names(actors, PERSON), {"Kim Jong Un", "Kim Il Sung"})
        kim = next(a for a in actors if a.name == "Kim Jong Un")
        self.assertEqual(record["text"][slice(*kim.spans[0])], "Kim Jong Un")

    def test_a_name_glued_to_a_double_hyphen_dash_is_found_whole(self):
        found = names(
            extract("", "Harbor City (Wire) --Odalric Vennemeyer, a farmer, left."), PERSON
        )
        self.assertEqual(found, {"Odalric Vennemeyer"})

    def test_a_double_hyphen_inside_a_lower_case_word_is_left_alone(self):
        self.assertEqual(names(extract("", "The well--known Harbor went dry."), PERSON), set())

    def test_bylines_and_credit_lines_give_no_actors(self):
        body = "By Jane Doe\n\nJohn Smith said Seoul would wait.\n\n(Reporting by Ann Lee; Editing by Tom Ray)"
        self.assertEqual(names(extract("", body), PERSON), {"John Smith"})

    def test_a_wire_datelines_agency_is_not_an_organization_but_a_cited_one_is(self):
        actors = extract("", "SEOUL (Reuters) - Officials told Reuters the talks failed.")
        self.assertEqual(names(actors, ORGANIZATION), {"Reuters"})
        self.assertEqual(next(a for a in actors if a.name == "Reuters").count, 1)

    def test_wire_text_wrapped_across_lines_and_paragraph_marks_are_handled(self):
        lines = (DATA / "records.jsonl").read_text().splitlines()
        record = json.loads(lines[3])
        actors = extract(record["title"], record["text"])
        self.assertIn("Rha Woong-bae", names(actors, PERSON))
        self.assertEqual(codes(actors), {"KR", "US"})


class CountryTests(SimpleTestCase):
    def test_countries_come_from_demonyms_capitals_and_the_north(self):
        actors = extract("", "Japanese officials in Beijing said the North fired a missile.")
        self.assertEqual(codes(actors), {"JP", "CN", "KP"})

    def test_inter_korean_means_both_koreas(self):
        self.assertEqual(codes(extract("", "Inter-Korean talks resumed.")), {"KP", "KR"})

    def test_a_country_inside_an_organization_name_does_not_count(self):
        actors = extract("", "Korean Air and the National Bank of Kuwait signed a loan in Geneva.")
        self.assertEqual(codes(actors), set())

    def test_regions_and_seas_named_after_a_country_are_not_that_country(self):
        body = "Latin American envoys sailed the South China Sea to the Korean Peninsula."
        self.assertEqual(codes(extract("", body)), set())

    def test_a_government_body_says_whose_it_is(self):
        self.assertEqual(codes(extract("", "The U.S. Agriculture Department said so.")), {"US"})

    def test_a_country_in_an_all_capital_headline_is_found(self):
        self.assertEqual(
            codes(extract("JAPAN AND CHINA SIGN PACT", "The deal was signed.")), {"JP", "CN"}
        )


class GazetteerTests(SimpleTestCase):
    def test_a_hangul_alias_names_the_same_person(self):
        actors = extract("", "김정은 위원장 met Moon Jae-in.")
        self.assertEqual(names(actors, PERSON), {"Kim Jong Un", "Moon Jae-in"})

    def test_an_organization_abbreviation_gives_the_full_name(self):
        actors = extract("", "The JCS said the KPA fired. The IAEA and USFK were told.")
        self.assertEqual(
            names(actors, ORGANIZATION),
            {
                "Joint Chiefs of Staff",
                "Korean People's Army",
                "International Atomic Energy Agency",
                "United States Forces Korea",
            },
        )

    def test_extraction_works_from_an_entries_list(self):
        gazetteer = Gazetteer.from_entries(
            [
                GazetteerEntry(PERSON, "Hong Gil-dong", ("Hong Kil Tong",)),
                GazetteerEntry(COUNTRY, "North Korea", ("Pyongyang",), "KP"),
            ]
        )
        actors = extract("", "Hong Kil Tong visited Pyongyang.", gazetteer=gazetteer)
        self.assertEqual(
            {(a.kind, a.name) for a in actors},
            {(PERSON, "Hong Gil-dong"), (COUNTRY, "North Korea")},
        )

    def test_the_default_gazetteer_is_built_once_and_lists_its_entries(self):
        gazetteer = Gazetteer.default()
        self.assertIs(gazetteer, Gazetteer.default())
        entries = list(gazetteer.entries())
        self.assertGreater(len([e for e in entries if e.kind == PERSON]), 250)
        self.assertEqual(len({e.code for e in entries if e.kind == COUNTRY}), 249)

    def test_no_surface_form_names_two_persons_or_two_organizations(self):
        # Only metonyms like "inter-Korean" may name two actors, and only countries.
        owners = {}
        for entry in Gazetteer.default().entries():
            if entry.kind == COUNTRY:
                continue
            for name in {normalise_name(n) for n in (entry.name, *entry.aliases)}:
                other = owners.setdefault((entry.kind, name), entry.name)
                self.assertEqual(other, entry.name, f"{name!r} names {other} and {entry.name}")


class ScoringTests(SimpleTestCase):
    def test_matching_is_one_to_one_on_normalised_names_and_aliases(self):
        gold = [
            {"name": "United Nations", "aliases": ["UN"]},
            {"name": "UN Command", "aliases": []},
        ]
        predicted = [
            {"name": "U.N. Command", "aliases": ["UN"]},
            {"name": "United Nations", "aliases": []},
        ]
        pairs, missed, false = match(gold, predicted)
        self.assertEqual((len(pairs), missed, false), (2, [], []))
        self.assertEqual(
            sorted((g["name"], p["name"]) for g, p in pairs),
            [("UN Command", "U.N. Command"), ("United Nations", "United Nations")],
        )
        _, missed, false = match(gold, predicted[:1])
        self.assertEqual((len(missed), false), (1, []))

    def test_scores_are_micro_averaged_per_type(self):
        gold = {
            "id": "a",
            "corpus_file": "seeds",
            "persons": [{"name": "Kim Jong-un", "aliases": []}],
            "countries": ["KP", "US"],
            "organizations": [],
        }
        predicted = {
            "id": "a",
            "persons": [{"name": "Kim Jong Un", "aliases": []}],
            "countries": ["KP"],
            "organizations": [{"name": "KCNA", "aliases": []}],
        }
        scores = score([(gold, predicted)])
        self.assertEqual(scores.tally("overall", "persons").prf(), (1.0, 1.0, 1.0))
        self.assertEqual(scores.tally("seeds", "countries").prf()[1], 0.5)
        self.assertEqual(scores.tally("overall", "organizations").prf()[0], 0.0)
        self.assertEqual(normalise_name("Kim Jong-un"), normalise_name("kim jong un"))


class ExtractCommandTests(SimpleTestCase):
    def test_it_writes_one_line_per_good_record_and_reports_bad_lines(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.jsonl"
            err = io.StringIO()
            call_command("extract", input=str(DATA / "records.jsonl"), output=str(out), stderr=err)
            rows = [json.loads(line) for line in out.read_text().splitlines()]
        self.assertEqual([r["id"] for r in rows], ["glued", "wire"])
        self.assertEqual(set(rows[0]), {"id", "persons", "countries", "organizations"})
        self.assertEqual(rows[0]["countries"], ["KP"])
        self.assertEqual({p["name"] for p in rows[0]["persons"]}, {"Kim Jong Un", "Kim Il Sung"})
        self.assertTrue(all(set(p) == {"name", "aliases"} for p in rows[1]["persons"]))
        self.assertIn("line 2: record 'bad-fields' missing text", err.getvalue())
        self.assertIn("line 3: not valid JSON", err.getvalue())
        self.assertNotIn("Traceback", err.getvalue())
