"""The time chart builder: a continuous axis, zero bars, the period that fits the span, links."""

from datetime import date

from django.test import SimpleTestCase

from archive.search.charts import BAR_AREA, WIDTH, build_chart, months_from_facet


def url_for(start, end):
    return f"?from={start.isoformat()}&to={end.isoformat()}"


class ChartBuilderTests(SimpleTestCase):
    def test_empty_months_between_counts_are_zero_bars(self):
        chart = build_chart({date(2024, 1, 1): 4, date(2024, 4, 1): 2}, url_for)
        self.assertEqual(chart.unit, "month")
        self.assertEqual(
            [(b.label, b.count) for b in chart.bars],
            [("January 2024", 4), ("February 2024", 0), ("March 2024", 0), ("April 2024", 2)],
        )
        self.assertEqual(chart.bars[1].height, 0)

    def test_the_axis_spans_the_counts_and_nothing_more(self):
        chart = build_chart({date(2023, 11, 1): 1, date(2024, 2, 1): 1}, url_for)
        self.assertEqual(chart.bars[0].start, date(2023, 11, 1))
        self.assertEqual(chart.bars[-1].end, date(2024, 2, 29))

    def test_bars_fill_the_width_and_the_tallest_fills_the_height(self):
        chart = build_chart({date(2024, 1, 1): 10, date(2024, 2, 1): 5}, url_for)
        first, second = chart.bars
        self.assertEqual(first.height, BAR_AREA)
        self.assertEqual(second.height, BAR_AREA / 2)
        self.assertEqual(first.y, 0)
        self.assertLessEqual(second.x + second.width, WIDTH)
        self.assertLess(first.x + first.width, second.x)

    def test_each_bar_links_to_its_whole_period(self):
        chart = build_chart({date(2024, 2, 1): 3}, url_for)
        self.assertEqual(chart.bars[0].url, "?from=2024-02-01&to=2024-02-29")
        self.assertEqual(chart.bars[0].title, "February 2024: 3 articles")

    def test_a_long_span_is_shown_in_years(self):
        chart = build_chart({date(1987, 5, 1): 1, date(2024, 3, 1): 41}, url_for)
        self.assertEqual(chart.unit, "year")
        self.assertEqual(len(chart.bars), 2024 - 1987 + 1)
        self.assertEqual(chart.bars[-1].url, "?from=2024-01-01&to=2024-12-31")
        self.assertEqual(chart.bars[-1].title, "2024: 41 articles")
        self.assertEqual(sum(b.count for b in chart.bars), 42)

    def test_a_short_span_of_day_counts_is_shown_in_days(self):
        counts = {date(2024, 3, 30): 2, date(2024, 4, 2): 1}
        chart = build_chart(counts, url_for, by_day=True)
        self.assertEqual(chart.unit, "day")
        self.assertEqual([b.count for b in chart.bars], [2, 0, 0, 1])
        self.assertEqual(chart.bars[0].url, "?from=2024-03-30&to=2024-03-30")
        self.assertEqual(chart.bars[0].title, "30 March 2024: 2 articles")

    def test_day_counts_over_a_longer_span_are_summed_into_months(self):
        counts = {date(2024, 1, 5): 2, date(2024, 1, 20): 1, date(2024, 6, 1): 1}
        chart = build_chart(counts, url_for, by_day=True)
        self.assertEqual(chart.unit, "month")
        self.assertEqual([b.count for b in chart.bars], [3, 0, 0, 0, 0, 1])

    def test_nothing_dated_gives_no_chart(self):
        self.assertIsNone(build_chart({}, url_for))
        self.assertIsNone(build_chart({date(2024, 1, 1): 0}, url_for))

    def test_the_month_facet_is_read_as_dates(self):
        self.assertEqual(months_from_facet({"2024-03": 41, "2024-04": 0}), {date(2024, 3, 1): 41})
