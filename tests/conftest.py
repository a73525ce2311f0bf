"""Session hooks: a test run leaves no temporary directory behind."""

import shutil

from django.conf import settings


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.TEST_TMP_DIR, ignore_errors=True)
