"""Articles, their original captures, and the actors they mention."""

import re

from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import slugify

from archive.entities.types import normalise_name
from archive.romanization import romanize

SLUG_ROOT_CHARS = 80  # of a name kept in its slug (the slug field holds 100, room for "-2")
ALIAS_CHARS = 300  # an alias is cut to its column's length


def unique_slug(model, base: str, **scope) -> str:
    """A slug for ``base`` not yet used by ``model`` within ``scope`` (e.g. ``kind=...``);
    Hangul is romanized (매일경제 → maeilgyeongje), not dropped."""
    root = (slugify(romanize(base)) or "x")[:SLUG_ROOT_CHARS]
    slug, n = root, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


class Source(models.Model):
    """An outlet: "Reuters", "KCNA", "Yonhap"."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:search") + f"?source={self.slug}"

    @classmethod
    def for_name(cls, name: str) -> "Source | None":
        name = name.strip()
        if not name:
            return None
        source = cls.objects.filter(name=name).first()
        return source or cls.objects.create(name=name, slug=unique_slug(cls, name))


class ArticleQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by(models.F("published").desc(nulls_last=True), "-id")


class Article(models.Model):
    """A clean article. ``published`` is stored in UTC; ``content_hash`` identifies its text."""

    title = models.CharField(max_length=1000)
    body = models.TextField()
    published = models.DateTimeField(null=True, blank=True, db_index=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    url = models.URLField(max_length=2000, blank=True, db_index=True)
    author = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=12, default="en")
    dateline = models.CharField(max_length=200, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    version_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="later_versions",
        help_text="The first-ingested article of a group of near-duplicates.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.pk])

    def other_versions(self):
        """Near-duplicates of this article (same group), oldest first."""
        root = self.version_of_id or self.pk
        return (
            Article.objects.filter(models.Q(pk=root) | models.Q(version_of_id=root))
            .exclude(pk=self.pk)
            .select_related("source")
            .order_by("published", "id")
        )

    def actors(self):
        """Mentions of this article with their entities, by kind, most mentioned first."""
        return self.mentions.select_related("entity").order_by(
            "entity__kind", "-count", "entity__name"
        )


class ArticleURL(models.Model):
    """Every URL an article was found under (the canonical one included)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="urls")
    url = models.URLField(max_length=2000, unique=True)

    def __str__(self):
        return self.url


class Capture(models.Model):
    """The original document exactly as ingested: the "full source" a reader can open."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="captures")
    content = models.BinaryField()
    content_type = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    origin = models.CharField(max_length=2000, help_text="File path, plus #record in a container")
    captured = models.DateTimeField(null=True, blank=True, help_text="When the capture was made")
    ingested = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["ingested", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "sha256"], name="unique_capture_per_article")
        ]

    def __str__(self):
        return self.origin

    def get_absolute_url(self):
        return reverse("archive:capture", args=[self.article_id, self.pk])


class EntityQuerySet(models.QuerySet):
    def with_article_counts(self):
        return self.annotate(n_articles=Count("mentions__article", distinct=True))

    def listed(self):
        """Actors mentioned in at least one article, with ``n_articles``."""
        return self.with_article_counts().filter(n_articles__gt=0)

    def named_like(self, text: str):
        """Actors with a word of their name or of an alias starting with ``text`` ("kim",
        "jong un"), or an alias equal to it up to case and punctuation ("u.s." = "US")."""
        starts_a_word = r"(^|\W)" + re.escape(text)
        aliased = Alias.objects.filter(
            Q(name__iregex=starts_a_word) | Q(key=normalise_name(text))
        ).values("entity_id")
        return self.filter(Q(name__iregex=starts_a_word) | Q(pk__in=aliased))

    def by_name(self):
        return self.order_by(Lower("name"), "pk")

    def by_articles(self):
        return self.order_by("-n_articles", Lower("name"), "pk")


class Entity(models.Model):
    """A canonical actor: a person, a country or an organization."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        COUNTRY = "country", "Country"
        ORGANIZATION = "organization", "Organization"

    class Origin(models.TextChoices):
        GAZETTEER = "gazetteer", "Gazetteer file"
        EXTRACTED = "extracted", "Found by extraction"
        CURATED = "curated", "Curated in the admin"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100)
    code = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, for countries"
    )
    origin = models.CharField(
        max_length=20,
        choices=Origin.choices,
        default=Origin.EXTRACTED,
        help_text="Gazetteer and curated entities (and their aliases) guide extraction.",
    )

    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="unique_entity_slug_per_kind"),
            # Concurrent writers resolve an actor with get-or-create on this (EntityResolver).
            models.UniqueConstraint(fields=["kind", "name"], name="unique_entity_name_per_kind"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:actor", args=[self.kind, self.slug])

    @property
    def kind_plural(self) -> str:
        return KIND_PLURALS[self.kind]

    @property
    def facet_value(self) -> str:
        """The value this entity has in search URLs and the index: code for countries."""
        return self.code if self.kind == self.Kind.COUNTRY and self.code else self.slug

    def add_alias(self, name: str) -> None:
        self.add_aliases([name])

    def add_aliases(self, names) -> None:
        """Add the surface forms not yet recorded (in one query)."""
        names = dict.fromkeys(n.strip()[:ALIAS_CHARS] for n in names)
        Alias.objects.bulk_create(
            [Alias(entity=self, name=n, key=normalise_name(n)) for n in names if normalise_name(n)],
            ignore_conflicts=True,
        )


KIND_PLURALS = {
    Entity.Kind.PERSON: "People",
    Entity.Kind.COUNTRY: "Countries",
    Entity.Kind.ORGANIZATION: "Organizations",
}


class Alias(models.Model):
    """A surface form of an entity, exactly as written ("U.N. Command" and "UN Command" are
    two aliases: the matcher needs both). ``key`` is the normalised form used for resolution."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, db_index=True)
    scoped = models.BooleanField(
        default=False,
        help_text="Names this entity only as a whole name written alone (set by a merge): "
        "never inside a longer name, never through another actor's aliases.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["entity", "name"], name="unique_alias_name_per_entity")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = normalise_name(self.name)
        super().save(*args, **kwargs)


class Merge(models.Model):
    """One curator's merge of ``other`` into ``target``, recorded so it can be undone:
    ``other`` is the merged entity's fields and aliases, ``moved`` each moved mention with
    the target's mention in that article before the merge, ``added`` the aliases added."""

    target = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="merges")
    other = models.JSONField()
    moved = models.JSONField(default=list)
    added = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    undone = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.other.get('name')} → {self.target.name}"


class Mention(models.Model):
    """An article mentions an entity ``count`` times, at ``spans`` (offsets in the body)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)
    spans = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "entity"], name="unique_mention")]

    def __str__(self):
        return f"{self.entity} in {self.article_id}"


class GazetteerState(models.Model):
    """The fingerprint of the gazetteer files last loaded into the database."""

    sha256 = models.CharField(max_length=64)
    loaded = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.sha256


class IndexQueue(models.Model):
    """Articles whose index entry is stale. Written in the transaction of the change,
    drained by commands only (``sync_index``)."""

    article_id = models.BigIntegerField(unique=True)
    queued = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.article_id)


class Fingerprint(models.Model):
    """One locality-sensitive band of an article's MinHash: equal bands mark candidates
    for near-duplicate grouping (wire copies, lightly edited versions)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="fingerprints")
    band = models.PositiveSmallIntegerField()
    value = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["value", "band"])]

    def __str__(self):
        return f"{self.article_id}:{self.band}"
