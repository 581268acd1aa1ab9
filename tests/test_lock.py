"""The committed lock agrees with pyproject.toml: every declared dependency is pinned, inside its range.

`make play`, `make test` and CI install from the lock; `pip install .` uses pyproject's ranges. If the two
drift
(a dependency added or a range moved without `make lock`), a fresh machine would install something the tests
never
saw, so this test fails and names the package.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT

LOCK = ROOT / "requirements.lock.txt"
# Without the lock `make` refuses to install at all; the skip serves a deliberate "newest versions" trial run.
pytestmark = pytest.mark.skipif(
    not LOCK.exists(), reason="requirements.lock.txt removed: newest-versions trial"
)
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def _pins() -> dict[str, Version]:
    return {canonicalize_name(name): Version(version) for name, version in _PIN.findall(LOCK.read_text())}


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    raw = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["build-system"]["requires"],
    ]
    return [Requirement(text) for text in raw]


def test_every_declared_dependency_is_pinned_inside_its_range() -> None:
    pins = _pins()
    problems = []
    for req in _declared():
        pinned = pins.get(canonicalize_name(req.name))
        if pinned is None:
            problems.append(f"{req.name}: not in {LOCK.name}")
        elif not req.specifier.contains(pinned, prereleases=True):
            problems.append(f"{req.name}: locked {pinned} is outside pyproject's '{req.specifier}'")
    assert not problems, "run `make lock`: " + "; ".join(problems)


def test_every_pin_carries_hashes() -> None:
    text = LOCK.read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [b.split("=", 1)[0] for b in blocks if "==" in b and "--hash=sha256:" not in b]
    assert not unhashed, f"pins without hashes: {unhashed}"


def test_never_both_pygame_distributions() -> None:
    # pygame-ce and pygame install into the same `pygame` package and break each other.
    assert "pygame" not in _pins()
