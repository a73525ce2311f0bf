"""What a web worker imports: the URLconf and everything it pulls in, never the extraction
stack (spaCy) or the HTML reader (trafilatura)."""

import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent

LOADED_AFTER_URLCONF = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
import django
django.setup()
import archive.urls
print(" ".join(sorted(name for name in ("spacy", "trafilatura") if name in sys.modules)))
"""


class WebWorkerImportTests(SimpleTestCase):
    def loaded_heavy_modules(self) -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", LOADED_AFTER_URLCONF],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return run.stdout.split()

    def test_importing_the_urlconf_loads_neither_spacy_nor_trafilatura(self):
        self.assertEqual(self.loaded_heavy_modules(), [])
