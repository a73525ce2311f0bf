"""The actor directory's parameters (the search form lives in ``archive/search/form.py``)."""

from django import forms

from archive.models import Entity

QUERY_CHARS = 100  # of the name filter read; the rest is cut


class ActorFilterForm(forms.Form):
    """The actor directory's parameters: kind, name filter, order, page."""

    kind = forms.ChoiceField(choices=[("", "All kinds"), *Entity.Kind.choices], required=False)
    q = forms.CharField(required=False, strip=True)
    sort = forms.ChoiceField(
        choices=[("name", "Name"), ("articles", "Most articles")], required=False
    )
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, params):
        data = {key: params.get(key, "") for key in ("kind", "sort", "page")}
        data["q"] = "".join(
            c if c.isprintable() else " " for c in params.get("q", "")[:QUERY_CHARS]
        )
        super().__init__(data)
        self.is_valid()

    def value(self, name: str, default=""):
        """A cleaned value; an invalid or missing one gives ``default``."""
        return self.cleaned_data.get(name) or default

    def is_browsing(self) -> bool:
        """A kind or a name was asked for: a full list rather than the overview."""
        return bool(self.value("kind") or self.value("q"))

    def entities(self):
        """The entities of the asked kind and name, mentioned or not, in no order (the
        directory keeps those that articles mention and orders them: ``listed_entities``)."""
        entities = Entity.objects.all()
        if kind := self.value("kind"):
            entities = entities.filter(kind=kind)
        if q := self.value("q"):
            entities = entities.named_like(q)
        return entities

    def by_articles(self) -> bool:
        return self.value("sort") == "articles"
