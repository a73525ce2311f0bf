from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "archive"
    verbose_name = "Peninsula archive"

    def ready(self):
        from archive import signals  # noqa: F401  (connects the index queue)
