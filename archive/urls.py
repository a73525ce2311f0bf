from django.contrib import admin
from django.urls import include, path

from archive import views

archive_patterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/facet/<slug:name>/", views.facet_values, name="facet"),
    path("search/help/", views.query_help, name="query-help"),
    path("api/search/", views.api_search, name="api-search"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/source/", views.capture_list, name="captures"),
    path("articles/<int:pk>/source/<int:capture_pk>/", views.capture_raw, name="capture"),
    path("actors/", views.actor_list, name="actors"),
    path("actors/<str:kind>/<slug:slug>/", views.actor_detail, name="actor"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((archive_patterns, "archive"))),
]

handler400 = "archive.views.error_400"
handler403 = "archive.views.error_403"
handler404 = "archive.views.error_404"
handler500 = "archive.views.error_500"
