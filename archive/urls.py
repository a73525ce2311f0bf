from django.contrib import admin
from django.urls import include, path

from archive import api, views, views_data
from archive.feeds import ActorFeed, SearchFeed

archive_patterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/feed/", SearchFeed(), name="search-feed"),
    path("search/export.csv", views_data.export_csv, name="export-csv"),
    path("search/export.jsonl", views_data.export_jsonl, name="export-jsonl"),
    path("search/network.svg", views_data.network_svg, name="network-svg"),
    path("search/network.graphml", views_data.network_graphml, name="network-graphml"),
    path("search/facet/<slug:name>/", views.facet_values, name="facet"),
    path("search/help/", views.query_help, name="query-help"),
    path("api/search/", api.search, name="api-search"),
    path("api/articles/", api.article_list, name="api-articles"),
    path("api/articles/<int:pk>/", api.article_detail, name="api-article"),
    path("api/actors/", api.actor_list, name="api-actors"),
    path("api/actors/<str:kind>/<slug:slug>/", api.actor_detail, name="api-actor"),
    path("api/schema/", api.schema, name="api-schema"),
    path("api/docs/", api.docs, name="api-docs"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/source/", views.capture_list, name="captures"),
    path("articles/<int:pk>/source/<int:capture_pk>/", views.capture_raw, name="capture"),
    path("actors/", views.actor_list, name="actors"),
    path("actors/<str:kind>/<slug:slug>/", views.actor_detail, name="actor"),
    path("actors/<str:kind>/<slug:slug>/feed/", ActorFeed(), name="actor-feed"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((archive_patterns, "archive"))),
]

handler400 = "archive.views.error_400"
handler403 = "archive.views.error_403"
handler404 = "archive.views.error_404"
handler500 = "archive.views.error_500"
