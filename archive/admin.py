"""Every model in the admin, with entity curation: merge, aliases, kind changes.

Curation never writes the search index: changed articles are queued (after commit) and
``python manage.py sync_index`` applies the queue.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from archive.curation import merge_into, merge_plan, undo_merge
from archive.models import (
    Alias,
    Article,
    ArticleURL,
    Capture,
    Entity,
    Fingerprint,
    GazetteerState,
    IndexQueue,
    Mention,
    Merge,
    Source,
)
from archive.signals import queue_articles


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CaptureInline(admin.TabularInline):
    model = Capture
    fields = ["origin", "content_type", "captured", "ingested", "sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["entity", "count"]
    raw_id_fields = ["entity"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "language"]
    list_filter = ["source", "language"]
    search_fields = ["title", "url"]
    date_hierarchy = "published"
    raw_id_fields = ["version_of"]
    readonly_fields = ["content_hash", "created", "updated"]
    inlines = [MentionInline, CaptureInline]


@admin.register(ArticleURL)
class ArticleURLAdmin(admin.ModelAdmin):
    list_display = ["url", "article"]
    search_fields = ["url"]
    raw_id_fields = ["article"]


@admin.register(Capture)
class CaptureAdmin(admin.ModelAdmin):
    list_display = ["origin", "content_type", "captured", "ingested"]
    search_fields = ["origin"]
    raw_id_fields = ["article"]
    exclude = ["content"]
    readonly_fields = ["sha256", "ingested"]


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["name"]
    extra = 1


@admin.action(description="Merge selected entities into the one with the most mentions")
def merge_entities(modeladmin, request, queryset):
    """First a page showing what will move; the merge happens when the curator confirms."""
    entities = sorted(queryset.with_article_counts(), key=lambda e: (-e.n_articles, e.pk))
    if len(entities) < 2 or len({e.kind for e in entities}) > 1:
        modeladmin.message_user(request, "Select two or more entities of one kind.", messages.ERROR)
        return None
    target, others = entities[0], entities[1:]
    if request.POST.get("confirm") != "yes":
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": f"Merge into {target.name}?",
            "target": target,
            "plans": [merge_plan(target, other) for other in others],
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "opts": modeladmin.model._meta,
        }
        return TemplateResponse(request, "admin/archive/entity/merge_confirmation.html", context)
    for other in others:
        merge_into(target, other)
    modeladmin.message_user(
        request,
        f"Merged {', '.join(o.name for o in others)} into {target.name} (undo under Merges). "
        "Run `python manage.py sync_index` to update search.",
    )
    return None


@admin.action(description="Undo the selected merges")
def undo_merges(modeladmin, request, queryset):
    for record in queryset.filter(undone=None).select_related("target"):
        try:
            restored = undo_merge(record)
        except ValueError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            continue
        modeladmin.message_user(request, f"Restored {restored.name}.")


@admin.register(Merge)
class MergeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created", "undone"]
    readonly_fields = ["target", "other", "moved", "added", "created", "undone"]
    actions = [undo_merges]

    def has_add_permission(self, request):
        return False


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "code", "origin"]
    list_filter = ["kind", "origin"]
    search_fields = ["name", "aliases__name", "slug", "code"]
    inlines = [AliasInline]
    actions = [merge_entities]

    def save_model(self, request, obj, form, change):
        if change and form.changed_data:
            obj.origin = Entity.Origin.CURATED
        super().save_model(request, obj, form, change)
        if change and {"kind", "slug", "code"} & set(form.changed_data):
            # Facet values changed: every article mentioning it needs re-indexing.
            queue_articles(obj.mentions.values_list("article_id", flat=True))

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.has_changed() and form.instance.origin != Entity.Origin.CURATED:
            # Alias edits guide extraction from now on (see archive/curation.py).
            form.instance.origin = Entity.Origin.CURATED
            form.instance.save(update_fields=["origin"])


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "entity", "key"]
    search_fields = ["name", "key", "entity__name"]
    raw_id_fields = ["entity"]
    readonly_fields = ["key"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["entity", "article", "count"]
    raw_id_fields = ["entity", "article"]
    list_filter = ["entity__kind"]


@admin.register(Fingerprint)
class FingerprintAdmin(admin.ModelAdmin):
    list_display = ["article", "band", "value"]
    raw_id_fields = ["article"]


@admin.register(IndexQueue)
class IndexQueueAdmin(admin.ModelAdmin):
    list_display = ["article_id", "queued"]


@admin.register(GazetteerState)
class GazetteerStateAdmin(admin.ModelAdmin):
    list_display = ["sha256", "loaded"]
