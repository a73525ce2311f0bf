"""Actor and archive figures from the index columns equal the SQL answers they replace."""

import random
from unittest.mock import patch

from django.db.models import Count
from django.db.models.functions import Lower, TruncDate
from django.urls import reverse

from archive import gunicorn_conf
from archive.models import Article, Entity
from archive.search import aggregates, analysis
from archive.search.service import current_columns
from tests.base import IndexedTestCase, add_random_reports, document

PERSONS = ["Moon Jae-in", "kim Jong-un", "Kim Yo-jong", "Lloyd Austin", "de Gaulle", "Ángel Ruiz"]
COUNTRIES = [("South Korea", "KR"), ("North Korea", "KP"), ("Japan", "JP"), ("China", "CN")]
ORGS = ["United Nations", "KCNA", "korean Central Agency", "IAEA"]
ARTICLES = 40


class AggregateWorld(IndexedTestCase):
    """Articles with random actors: ties in counts, shared instants, undated articles."""

    @classmethod
    def setUpTestData(cls):
        rng = random.Random(11)
        add_random_reports(cls, rng, ARTICLES, PERSONS, COUNTRIES, ORGS, max_persons=4)


def sql_top(kind, limit, *order):
    listed = Entity.objects.filter(kind=kind).listed()
    return [(e.pk, e.n_articles) for e in listed.order_by(*order)[:limit]]


def sql_co_mentioned(entity, limit):
    rows = (
        Entity.objects.filter(mentions__article__mentions__entity=entity)
        .exclude(pk=entity.pk)
        .annotate(n=Count("mentions__article", distinct=True))
        .order_by("-n", "name", "pk")[:limit]
    )
    return [(e.pk, e.n) for e in rows]


def sql_days(articles):
    rows = (
        articles.exclude(published=None)
        .annotate(day=TruncDate("published"))
        .order_by()
        .values("day")
        .annotate(n=Count("id", distinct=True))
    )
    return {row["day"]: row["n"] for row in rows}


class AggregateTests(AggregateWorld):
    def test_top_actors_of_each_kind_match_sql_at_every_cut(self):
        for kind in Entity.Kind:
            for limit in range(1, 8):
                home = aggregates.most_mentioned(kind, limit)
                self.assertEqual(
                    [(e.pk, e.n_articles) for e in home],
                    sql_top(kind, limit, "-n_articles", "name"),
                )
                directory = aggregates.most_mentioned(
                    kind, limit, aggregates.by_count_then_lower_name
                )
                self.assertEqual(
                    [(e.pk, e.n_articles) for e in directory],
                    sql_top(kind, limit, "-n_articles", Lower("name"), "pk"),
                )

    def test_listed_counts_match_sql(self):
        for kind in Entity.Kind:
            self.assertEqual(
                aggregates.listed_count(kind), Entity.objects.filter(kind=kind).listed().count()
            )

    def test_each_actors_articles_co_mentions_and_days_match_sql(self):
        for entity in Entity.objects.all():
            figures = aggregates.actor_figures(entity, co_limit=5)
            articles = Article.objects.filter(mentions__entity=entity).latest_first()
            self.assertEqual([a.pk for a in figures.articles], [a.pk for a in articles])
            self.assertEqual([a.pk for a in figures.articles[2:5]], [a.pk for a in articles[2:5]])
            self.assertEqual(
                [(e.pk, e.n) for e in figures.co_mentioned], sql_co_mentioned(entity, 5)
            )
            self.assertEqual(figures.days, sql_days(articles))

    def test_latest_articles_and_days_of_the_archive_match_sql(self):
        latest = Article.objects.latest_first()
        self.assertEqual(
            [a.pk for a in aggregates.latest_articles(10)], [a.pk for a in latest[:10]]
        )
        self.assertEqual(aggregates.days_of_all(), sql_days(Article.objects.all()))

    def test_the_pages_show_the_figures(self):
        home = self.client.get(reverse("archive:home"))
        top = home.context["top_actors"]["People"]
        self.assertEqual(
            [(e.pk, e.n_articles) for e in top], sql_top("person", 8, "-n_articles", "name")
        )
        self.assertEqual(
            home.context["chart"].total, Article.objects.exclude(published=None).count()
        )
        directory = self.client.get(reverse("archive:actors"))
        group = directory.context["groups"][0]
        self.assertEqual(group["count"], Entity.objects.filter(kind=group["kind"]).listed().count())
        entity = Entity.objects.get(name="Japan")
        page = self.client.get(entity.get_absolute_url()).context["page"]
        self.assertEqual(page.paginator.count, entity.mentions.count())

    def test_the_search_pages_day_chart_counts_its_hits_by_day(self):
        entity = Entity.objects.get(name="Japan")
        response = self.client.get(reverse("archive:search") + f"?country={entity.facet_value}")
        chart = response.context["page"].chart
        self.assertEqual(chart.unit, "day")
        shown = {bar.start: bar.count for bar in chart.bars if bar.count}
        articles = Article.objects.filter(mentions__entity=entity)
        self.assertEqual(shown, sql_days(articles))

    def test_a_starting_worker_computes_the_figures_before_its_first_request(self):
        columns = current_columns()
        columns.memos.clear()
        gunicorn_conf.post_worker_init(worker=None)
        expected = {"days", *(("articles", kind) for kind in Entity.Kind)}
        self.assertEqual(set(columns.memos), expected)

    def test_the_directorys_full_lists_match_sql_by_name_and_by_articles(self):
        for kinds in [*([kind] for kind in Entity.Kind), list(Entity.Kind)]:
            entities = Entity.objects.filter(kind__in=kinds)
            for by_articles in (False, True):
                listed = entities.listed()
                expected = listed.by_articles() if by_articles else listed.by_name()
                found = aggregates.listed_entities(entities, by_articles)
                self.assertEqual(
                    [(e.pk, e.n_articles) for e in found],
                    [(e.pk, e.n_articles) for e in expected],
                )
        named = Entity.objects.named_like("kim")
        self.assertEqual(
            [e.pk for e in aggregates.listed_entities(named, False)],
            [e.pk for e in named.listed().by_name()],
        )


class KoreanWarmUpTests(IndexedTestCase):
    def test_a_starting_worker_loads_the_korean_analyser_in_an_english_archive_too(self):
        self.add(document("Talks", "The two sides met in Panmunjom on Tuesday."))
        self.index_all()
        with patch.object(aggregates, "kiwi") as load:
            aggregates.warm_up()
        load.assert_called_once()  # a Hangul query may look for English articles

    def test_the_gunicorn_master_loads_it_once_before_the_workers_fork(self):
        with patch.object(analysis, "_kiwi", None):
            gunicorn_conf.on_starting(server=None)
            self.assertIsNotNone(analysis._kiwi)
            loaded = analysis._kiwi
            gunicorn_conf.post_worker_init(worker=None)
            self.assertIs(analysis._kiwi, loaded)
