"""Ingest under hostile input and abrupt ends: bounded memory, per-record failures, no orphans."""

import os
import signal
import time
from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase

from archive.ingest import pipeline


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def reader_of_a_killed_parent() -> int:
    """Fork a parent that forks a reader (``die_with_parent``), SIGKILL the parent, and
    return the reader's pid."""
    read_end, write_end = os.pipe()
    parent = os.fork()
    if parent == 0:
        child = os.fork()
        if child == 0:
            pipeline.die_with_parent(os.getppid())
            time.sleep(30)
            os._exit(0)
        os.write(write_end, str(child).encode())
        time.sleep(30)
        os._exit(0)
    child = int(os.read(read_end, 32))
    os.close(read_end), os.close(write_end)
    os.kill(parent, signal.SIGKILL)
    os.waitpid(parent, 0)
    return child


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not is_running(pid):
            return True
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    return False


class ReaderProcessTests(SimpleTestCase):
    def test_the_reader_dies_with_its_parent(self):
        self.assertTrue(gone_within(reader_of_a_killed_parent(), 3))

    def test_the_watchdog_ends_the_reader_where_there_is_no_parent_death_signal(self):
        with mock.patch.object(pipeline.sys, "platform", "darwin"):
            self.assertTrue(gone_within(reader_of_a_killed_parent(), 3 + pipeline.WATCH_SECONDS))
