"""`trainer debrief --present` through the CLI entry point, as a gespreksleider starts it: a real process
with a real (virtual) X display, keys sent the way a keyboard or a presentation clicker sends them.

Xvfb and xdotool come with `make system-deps`; without them the window test is skipped locally, fails on CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.debrief.helpers import GROUP, record_group, without_styles
from trainer.records import RecordStore

XVFB, XDOTOOL = shutil.which("Xvfb"), shutil.which("xdotool")


@pytest.fixture
def display() -> Iterator[str]:
    """A throw-away X server; its display number is chosen by the server (-displayfd), so parallel runs
    never collide."""
    if XVFB is None or XDOTOOL is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb or xdotool is missing: `make system-deps` installs them")
        pytest.skip("Xvfb/xdotool not installed (make system-deps)")
    read, write = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("SDL_")
    }  # conftest's dummy driver: not here
    return {**env, "PYTHONPATH": str(ROOT), "SDL_AUDIODRIVER": "dummy", **extra}


def _xdotool(display: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert XDOTOOL is not None
    return subprocess.run(
        [XDOTOOL, *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=30
    )


def _wait_for_window(display: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"trainer ended early: {process.communicate()[1]}")
        windows = _xdotool(display, "search", "--class", ".").stdout.split()
        if any(_xdotool(display, "getwindowname", w).stdout.strip() == "Nabespreking" for w in windows):
            time.sleep(0.5)  # the first frame
            return
        time.sleep(0.2)
    pytest.fail("no presentation window within 30 s")


def test_present_through_the_cli_saves_the_commitments(
    records_db: Path, tmp_path: Path, display: str
) -> None:
    record_group(records_db, count=4)
    process = subprocess.Popen(
        [sys.executable, "-m", "trainer", "debrief", "--group", GROUP, "--present"],
        env=_env(DISPLAY=display),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_window(display, process)
        # a clicker's "next" through every screen and reveal (more presses than screens: the last one stays)
        assert _xdotool(display, "key", "--delay", "15", *["Next"] * 60).returncode == 0
        _xdotool(display, "type", "--delay", "15", "Eerst de feiten, dan de vraag")
        _xdotool(display, "key", "Return")
        shot = tmp_path / "mee.png"
        time.sleep(0.5)
        if shutil.which("import"):  # ImageMagick: a picture of the last screen, to look at when this fails
            subprocess.run(
                ["import", "-display", display, "-window", "root", str(shot)], check=False, timeout=30
            )
        _xdotool(display, "key", "Escape")
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert err.strip().splitlines() == [
        "1 voornemen(s) bewaard bij groep 'ochtend-2026-11'; ze staan op het blad"
    ]
    assert out == ""
    with RecordStore(records_db) as store:
        assert store.commitments(GROUP) == ["Eerst de feiten, dan de vraag"]
    sheet = subprocess.run(
        [sys.executable, "-m", "trainer", "debrief", "--group", GROUP, "-o", "-"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Eerst de feiten, dan de vraag" in without_styles(sheet.stdout)  # printed on the sheet afterwards
    if shutil.which("import"):
        assert shot.stat().st_size > 5_000


def test_present_without_a_display_is_one_line(records_db: Path) -> None:
    record_group(records_db, count=2)
    env = _env(SDL_VIDEODRIVER="x11")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "debrief", "--group", GROUP, "--present"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_present_with_an_unknown_group_is_one_line(records_db: Path) -> None:
    record_group(records_db, count=1)
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "debrief", "--group", "bestaat-niet", "--present"],
        env=_env(SDL_VIDEODRIVER="dummy"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "bestaat-niet" in result.stderr
