"""The synthetic corpus of the scale, load and fault commands (``shared/tools/make_synth.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.management.base import CommandError


def synthetic_corpus(corpus: Path, n: int, path: Path, seed: int | None = None) -> Path:
    """``path`` holding ``n`` synthetic articles built from ``corpus``'s real sentences
    (made once: an existing file is reused, since the tool is deterministic)."""
    if path.exists():
        return path
    tool = corpus.parent / "tools" / "make_synth.py"
    if not tool.exists():
        raise CommandError(
            f"make_synth.py not found at {tool}: pass --corpus DIR (or set "
            "PENINSULA_CORPUS) to the corpus folder that has tools/ beside it"
        )
    seed_args = ["--seed", str(seed)] if seed is not None else []
    done = subprocess.run(
        [sys.executable, str(tool), str(n), str(path), *seed_args],
        env={**os.environ, "PENINSULA_CORPUS": str(corpus)},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise CommandError(f"make_synth.py failed:\n{done.stderr[-2000:]}")
    return path
