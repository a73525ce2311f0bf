"""Curation that cannot over-merge: a merge moves only the merged entity's own mentions,
its names name the target only when written alone, the admin shows what will move before
it moves, and a merge can be undone."""

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from archive.actors import EntityResolver, database_entries
from archive.curation import merge_into, undo_merge
from archive.entities.gazetteer import Gazetteer
from archive.entities.pipeline import extract
from archive.entities.types import ORGANIZATION, Actor
from archive.models import Article, Entity, Mention, Merge, Source


def organizations(text):
    gazetteer = Gazetteer.from_entries(database_entries())
    return {a.name for a in extract("", text, gazetteer) if a.kind == ORGANIZATION}


class MergeWorld(TestCase):
    @classmethod
    def setUpTestData(cls):
        source = Source.objects.create(name="Test Wire")
        cls.wpk = Entity.objects.create(
            kind=ORGANIZATION, name="Workers' Party of Korea", slug="wpk", origin="gazetteer"
        )
        cls.wpk.add_aliases(["Workers' Party of Korea", "WPK"])
        cls.short = Entity.objects.create(kind=ORGANIZATION, name="Workers' Party", slug="wp")
        cls.short.add_aliases(["Workers' Party"])
        cls.first = Article.objects.create(
            title="One", body="The Workers' Party met.", source=source, content_hash="1"
        )
        cls.second = Article.objects.create(
            title="Two", body="The WPK and the Workers' Party.", source=source, content_hash="2"
        )
        Mention.objects.create(article=cls.first, entity=cls.short, count=1, spans=[[4, 18]])
        Mention.objects.create(article=cls.second, entity=cls.short, count=1, spans=[[16, 30]])
        Mention.objects.create(article=cls.second, entity=cls.wpk, count=1, spans=[[4, 7]])
        for n in (3, 4):  # the WPK is the most mentioned: the admin merges into it
            other = Article.objects.create(
                title=str(n), body="The WPK.", source=source, content_hash=str(n)
            )
            Mention.objects.create(article=other, entity=cls.wpk, count=1, spans=[[4, 7]])


class ScopedAliasTests(MergeWorld):
    def test_a_merged_name_written_alone_names_the_target(self):
        merge_into(self.wpk, self.short)
        self.assertEqual(organizations("The Workers' Party met on Monday."), {self.wpk.name})

    def test_a_merged_name_inside_a_longer_name_does_not_name_the_target(self):
        merge_into(self.wpk, self.short)
        found = organizations("A delegation of the Hungarian Workers' Party arrived.")
        self.assertNotIn(self.wpk.name, found)

    def test_storage_maps_an_actor_to_the_target_only_by_its_own_name(self):
        merge_into(self.wpk, self.short)
        resolver = EntityResolver()
        alone = resolver.resolve(Actor(ORGANIZATION, "Workers' Party"))
        longer = resolver.resolve(
            Actor(ORGANIZATION, "Hungarian Workers' Party", aliases=["Workers' Party"])
        )
        self.assertEqual(alone.pk, self.wpk.pk)
        self.assertNotEqual(longer.pk, self.wpk.pk)


class UndoTests(MergeWorld):
    def test_undo_puts_back_the_entity_its_mentions_and_the_targets_counts(self):
        record = merge_into(self.wpk, self.short)
        self.assertEqual(Mention.objects.get(article=self.second, entity=self.wpk).count, 2)
        restored = undo_merge(Merge.objects.get(pk=record.pk))
        self.assertEqual(restored.name, "Workers' Party")
        self.assertEqual(Mention.objects.get(article=self.second, entity=self.wpk).count, 1)
        self.assertFalse(Mention.objects.filter(article=self.first, entity=self.wpk).exists())
        self.assertEqual(restored.mentions.count(), 2)
        self.assertFalse(self.wpk.aliases.filter(name="Workers' Party").exists())

    def test_a_merge_cannot_be_undone_twice(self):
        record = merge_into(self.wpk, self.short)
        undo_merge(record)
        with self.assertRaises(ValueError):
            undo_merge(record)


class ConfirmationPageTests(MergeWorld):
    def setUp(self):
        self.client.force_login(User.objects.create_superuser("curator", "c@example.org", "pw"))
        self.url = reverse("admin:archive_entity_changelist")
        self.data = {"action": "merge_entities", "_selected_action": [self.wpk.pk, self.short.pk]}

    def test_the_first_post_shows_what_will_move_and_moves_nothing(self):
        response = self.client.post(self.url, self.data)
        self.assertContains(response, "2 mentions in 2 articles")
        self.assertContains(response, "Workers&#x27; Party")
        self.assertTrue(Entity.objects.filter(pk=self.short.pk).exists())

    def test_confirming_merges_and_records_the_merge(self):
        self.client.post(self.url, {**self.data, "confirm": "yes"})
        self.assertFalse(Entity.objects.filter(pk=self.short.pk).exists())
        self.assertEqual(Merge.objects.get().other["name"], "Workers' Party")
