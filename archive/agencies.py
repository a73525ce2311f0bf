"""News and photo agencies, one list (``data/agencies.tsv``) for every rule that names them.

Each agency has one or more roles: ``photo`` (credited for a picture, "Jane Doe/AFP": the name
before it is a photographer's), ``caption`` (its bare name closing a short line marks a picture
credit, "… REUTERS") and ``wire`` (credited for a story in a closing parenthesis, "(AFP)").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

AGENCIES = Path(__file__).parent / "data" / "agencies.tsv"
ROLES = frozenset({"photo", "caption", "wire"})


@cache
def agencies(role: str) -> tuple[str, ...]:
    """The names of the agencies with ``role``, in the file's order, as written there."""
    if role not in ROLES:
        raise ValueError(f"unknown agency role {role!r}; roles are {sorted(ROLES)}")
    names = []
    for line in AGENCIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, roles = line.split("\t")
            if role in roles.split(","):
                names.append(name)
    return tuple(names)
