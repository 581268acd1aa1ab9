"""Optional spoken dialogue: lines read aloud by espeak-ng (Dutch or English voice), off by default.

espeak-ng (GPL) runs as a separate program, never inside this process. Each line is rendered once to a WAV
file in a cache folder named by a hash of (voice, text), so a line heard before plays at once. Rendering runs
in the background: `say` starts at most one espeak-ng process and returns; the frame loop calls `poll` and
gets a file when its line is ready. Without espeak-ng, `available` is False and nothing happens (the
settings page says why).

    speech = Speech(cache_dir)               # finds espeak-ng on PATH
    speech.say(["Waarom ik?", "..."], "nl")  # replaces whatever was still waiting
    path = speech.poll()                     # every frame: the next ready line, or None
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections import deque
from pathlib import Path

VOICES = {"nl": "nl", "en": "en-gb"}
WORDS_PER_MINUTE = 165


class Speech:
    def __init__(self, cache_dir: Path, program: str | None = "espeak-ng") -> None:
        self.cache_dir = cache_dir
        self.program = shutil.which(program) if program else None
        self.available = self.program is not None
        self._queue: deque[tuple[str, str, Path]] = deque()  # (text, voice, file) to speak, in order
        self._busy: tuple[subprocess.Popen[bytes], Path, Path] | None = None  # process, temp file, file
        self.rendered = 0  # lines rendered by espeak-ng (not from the cache): what tests count

    def cached(self, text: str, lang: str) -> Path:
        voice = VOICES.get(lang, "nl")
        digest = hashlib.sha256(f"{voice}\n{WORDS_PER_MINUTE}\n{text}".encode()).hexdigest()[:24]
        return self.cache_dir / f"{voice}-{digest}.wav"

    def say(self, lines: list[str], lang: str) -> None:
        """Speak these lines in order, after the current one; lines still waiting from before are dropped."""
        if not self.available:
            return
        voice = VOICES.get(lang, "nl")
        self._queue = deque((text, voice, self.cached(text, lang)) for text in lines if text.strip())

    def stop(self) -> None:
        self._queue.clear()

    def poll(self) -> Path | None:
        """The next line's file when it is ready (then it leaves the queue); starts rendering it if needed.
        Never waits for espeak-ng."""
        if not self._queue:
            return None
        self._reap()
        text, voice, path = self._queue[0]
        if path.is_file():
            self._queue.popleft()
            return path
        if self._busy is None:
            self._render(text, voice, path)
        return None

    def close(self) -> None:
        """Stop a rendering still running (the window closes)."""
        if self._busy is not None:
            process, tmp, _ = self._busy
            process.kill()
            process.wait()
            tmp.unlink(missing_ok=True)
            self._busy = None

    def _render(self, text: str, voice: str, path: Path) -> None:
        assert self.program is not None
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".part")
            # Text as one argument, never through a shell; '--' so a line starting with '-' is text.
            process = subprocess.Popen(
                [self.program, "-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", str(tmp), "--", text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.available = False  # it was there a moment ago; stay silent from now on
            self._queue.clear()
            return
        self._busy = (process, tmp, path)

    def _reap(self) -> None:
        if self._busy is None:
            return
        process, tmp, path = self._busy
        code = process.poll()
        if code is None:
            return
        self._busy = None
        if code == 0 and tmp.is_file():
            tmp.replace(path)
            self.rendered += 1
        else:
            tmp.unlink(missing_ok=True)
            if self._queue and self._queue[0][2] == path:
                self._queue.popleft()  # this line cannot be spoken: go on with the next
