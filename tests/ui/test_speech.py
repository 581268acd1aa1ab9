"""Spoken lines: rendered by espeak-ng in a separate process, cached per line, never waited for."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from trainer.ui.speech import Speech

ESPEAK = shutil.which("espeak-ng")


def test_without_espeak_speech_is_off_and_quiet(tmp_path: Path) -> None:
    speech = Speech(tmp_path, program="no-such-espeak-program")
    assert not speech.available
    speech.say(["Waarom ik?"], "nl")
    assert speech.poll() is None
    assert not any(tmp_path.iterdir())


def _wait_for(speech: Speech, seconds: float = 20.0) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path = speech.poll()
        if path is not None:
            return path
        time.sleep(0.02)
    raise AssertionError("espeak-ng did not finish")


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is optional (apt-get install espeak-ng)")
def test_a_line_is_rendered_once_in_the_background_and_then_cached(tmp_path: Path) -> None:
    speech = Speech(tmp_path)
    assert speech.available
    speech.say(["Goedenavond, politie.", "-- geen optie, gewoon tekst"], "nl")
    assert speech.poll() is None, "the first poll starts espeak-ng and returns at once"
    first = _wait_for(speech)
    second = _wait_for(speech)
    assert first.read_bytes()[:4] == b"RIFF" and second.stat().st_size > 1000
    assert speech.rendered == 2
    speech.say(["Goedenavond, politie."], "nl")
    assert speech.poll() == first, "heard before: from the cache, no new process"
    assert speech.rendered == 2
    speech.say(["Goedenavond, politie."], "en")
    assert _wait_for(speech) != first, "another voice, another file"
    speech.close()


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is optional (apt-get install espeak-ng)")
def test_new_lines_replace_the_waiting_ones(tmp_path: Path) -> None:
    speech = Speech(tmp_path)
    speech.say(["een", "twee", "drie"], "nl")
    speech.poll()
    speech.say(["vier"], "nl")
    heard = [_wait_for(speech)]
    assert heard[0] == speech.cached("vier", "nl")
    assert speech.poll() is None
    speech.close()
