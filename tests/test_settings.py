"""Production settings refuse to start without a secret key or with DEBUG on."""

import os
import subprocess
import sys
import tempfile

from django.conf import settings
from django.test import SimpleTestCase


def load_settings(code="import archive.settings as s; print(s.DEBUG, bool(s.SECRET_KEY))", **env):
    environ = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    with tempfile.TemporaryDirectory(prefix="peninsula-settings-") as var:
        environ.update({"PENINSULA_VAR": var, **env})
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env=environ,
            capture_output=True,
            text=True,
        )


class ProductionSettingsTests(SimpleTestCase):
    def test_production_without_a_secret_key_refuses_to_start(self):
        done = load_settings(PENINSULA_ENV="production")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("requires SECRET_KEY", done.stderr)

    def test_production_with_debug_on_refuses_to_start(self):
        done = load_settings(PENINSULA_ENV="production", SECRET_KEY="k" * 50, DEBUG="1")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("DEBUG", done.stderr)

    def test_production_with_a_key_and_debug_off_starts(self):
        done = load_settings(PENINSULA_ENV="production", SECRET_KEY="k" * 50)
        self.assertEqual((done.returncode, done.stdout.strip()), (0, "False True"), done.stderr)

    def test_local_defaults_start_with_debug_off(self):
        done = load_settings()
        self.assertEqual((done.returncode, done.stdout.strip()), (0, "False True"), done.stderr)
