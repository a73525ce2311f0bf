"""Ingest is batch work: it lowers its own CPU priority so that the web server stays fast."""

import io
from unittest.mock import patch

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings

from tests.base import clear_index

SEEDS = "seeds"


class IngestPriorityTests(TransactionTestCase):
    def setUp(self):
        clear_index()

    def ingest(self, **settings):
        with override_settings(**settings), patch("os.nice") as nice:
            call_command("ingest", "--no-progress", "--dry-run", SEEDS, stdout=io.StringIO())
        return nice

    def test_an_ingest_lowers_its_priority_by_the_setting(self):
        self.ingest(INGEST_NICENESS=7).assert_called_once_with(7)

    def test_a_niceness_of_zero_keeps_the_priority(self):
        self.ingest(INGEST_NICENESS=0).assert_not_called()
