"""The haystack index of articles. Facet fields hold ids (slugs, ISO codes), never names.

They are plain fields: the backend makes the fields that ``search/vocabulary.py`` names
untokenised facet fields (haystack's ``faceted=True`` would add unused ``*_exact`` copies).
"""

from django.db.models import Prefetch
from haystack import indexes

from archive.models import Article, Entity, Mention


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title")
    published = indexes.DateTimeField(model_attr="published", null=True)
    source = indexes.CharField(null=True)
    language = indexes.CharField(model_attr="language", null=True)
    month = indexes.CharField(null=True)
    countries = indexes.MultiValueField()
    persons = indexes.MultiValueField()
    organizations = indexes.MultiValueField()

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        # Entities joined to their mentions: a separate entity prefetch of a 500-article batch
        # is a thousands-term SQL expression that SQLite refuses ("Expression tree is too large").
        mentions = Prefetch("mentions", queryset=Mention.objects.select_related("entity"))
        return Article.objects.select_related("source").prefetch_related(mentions)

    def prepare_source(self, article):
        return article.source.slug if article.source_id else None

    def prepare_month(self, article):
        return article.published.strftime("%Y-%m") if article.published else None

    def _entity_values(self, article, kind):
        return sorted(
            {m.entity.facet_value for m in article.mentions.all() if m.entity.kind == kind}
        )

    def prepare_countries(self, article):
        return self._entity_values(article, Entity.Kind.COUNTRY)

    def prepare_persons(self, article):
        return self._entity_values(article, Entity.Kind.PERSON)

    def prepare_organizations(self, article):
        return self._entity_values(article, Entity.Kind.ORGANIZATION)
