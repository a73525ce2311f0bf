"""An organization named only as a modifier of something else is not named: inside an
event's name ("the APEC summit") or as a stock index that bears its name ("Japan's Nikkei
rose"). The same organization acting in a sentence is named."""

from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION


def organizations(text):
    return {a.name for a in extract("", text) if a.kind == ORGANIZATION}


class EventNameTests(SimpleTestCase):
    def test_an_organization_naming_a_summit_is_not_named(self):
        self.assertEqual(organizations("Leaders met at the APEC summit in Lima."), set())

    def test_an_organization_that_acts_is_named(self):
        self.assertEqual(
            organizations("APEC said trade grew."), {"Asia-Pacific Economic Cooperation"}
        )

    def test_a_company_naming_a_fashion_week_is_not_named(self):
        self.assertEqual(organizations("She opened Mercedes-Benz Fashion Week in May."), set())


class StockIndexTests(SimpleTestCase):
    def test_a_newspaper_name_followed_by_a_market_verb_is_the_index(self):
        self.assertEqual(organizations("Japan's Nikkei rose 1.2 percent on Monday."), set())

    def test_a_newspaper_name_followed_by_an_index_word_is_the_index(self):
        self.assertEqual(organizations("The Nikkei share average fell."), set())

    def test_a_newspaper_that_reports_is_the_newspaper(self):
        self.assertEqual(organizations("The Nikkei reported the plan."), {"Nikkei"})
