"""Player benchmarks: CPU per frame on the busiest screen, launch to first frame, peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FRAME_SCRIPT = r"""
import json, os, sys, time
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
sys.path.insert(0, sys.argv[1])
from tests.bench.generate import generate
from trainer.model.loader import load_scenario_text
from trainer.ui.app import App, PlayerOptions
from trainer.records.sessions import RecordedSessions
from trainer.engine.clock import FakeClock
import pygame
path = os.path.join(sys.argv[2], "six.yaml")
open(path, "w", encoding="utf-8").write(generate(40, candidates=6))
clock = FakeClock()
app = App(
    PlayerOptions(trainee="B1", scenario_file=__import__("pathlib").Path(path)),
    RecordedSessions(),
    clock=clock,
)
app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)], 1 / 60)
assert app.screen == "selection", app.screen
app.ui.pan_velocity = 0.25  # the trainee pans across the street the whole time
frames, start = 600, time.process_time()
for i in range(frames):
    clock.advance(1 / 60)
    if i % 240 == 0:
        app.ui.pan_velocity = -app.ui.pan_velocity
    app.step([], 1 / 60)
print(json.dumps({"cpu_ms_per_frame": (time.process_time() - start) / frames * 1000}))
"""

STREET_SCRIPT = r"""
import json, os, sys, time
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
sys.path.insert(0, sys.argv[1])
from trainer.ui import street
from trainer.ui.app import App, PlayerOptions
from trainer.records.sessions import RecordedSessions
from trainer.engine.clock import FakeClock
from trainer.paths import bundled_scenarios
import pygame
# Rain, whether or not the weather model has landed: umbrellas in the crowd (and the rain layer, if any).
street.is_wet = lambda scenario, node_id: True
path = next(p for p in bundled_scenarios() if p.stem == "stationsplein")
clock = FakeClock()
app = App(
    PlayerOptions(trainee="B1", scenario_file=path), RecordedSessions(), clock=clock,
    rng=__import__("random").Random(0),
)
app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)], 1 / 60)
assert app.screen == "selection", app.screen
clock.advance(100.0)  # the square has filled up
app.step([], 1 / 60, draw=False)
frame = app.frame()
s = street.street(frame.scenario, frame.view.node_id, frame.size, frame.seed)
from trainer.engine.crowd import crowd_at
from trainer.engine.timeline import candidates_at
moving = len(crowd_at(s.plan, 100.0)) + sum(len(c.cast) for c in s.node.candidates)
umbrellas = sum(w.umbrella for w in s.plan.walkers)
app.ui.pan_velocity = 0.25  # the trainee looks round the square the whole time
frames, start = 600, time.process_time()
for i in range(frames):
    clock.advance(1 / 60)
    if i % 240 == 0:
        app.ui.pan_velocity = -app.ui.pan_velocity
    app.step([], 1 / 60)
print(json.dumps({"cpu_ms_per_frame": (time.process_time() - start) / frames * 1000, "figures": moving,
                  "umbrellas": umbrellas}))
"""

LAUNCH_SCRIPT = r"""
# The real launch path: `trainer play --trainee B1 --no-record` until the picker's first frame is on screen.
# The window's first set_mode queues a quit, so the loop draws and shows exactly one frame and ends.
import os, sys, time, json
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
sys.path.insert(0, sys.argv[1])
import pygame
set_mode, flip, first = pygame.display.set_mode, pygame.display.flip, []
def quit_after_first(*args, **kwargs):
    surface = set_mode(*args, **kwargs)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    return surface
def shown():
    if not first:
        first.append(time.time())
    flip()
pygame.display.set_mode, pygame.display.flip = quit_after_first, shown
from trainer.cli import main
code = main(["play", "--trainee", "B1", "--no-record"])
print(json.dumps({"code": code, "first_frame": first[0]}))
"""

MEMORY_SCRIPT = r"""
import os, sys, json, resource
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
sys.path.insert(0, sys.argv[1])
from trainer.commands.cards import scenario_cards
from trainer.paths import bundled_scenarios
from trainer.ui.app import App, PlayerOptions
from trainer.records.sessions import RecordedSessions
app = App(PlayerOptions(scenarios=scenario_cards(bundled_scenarios(), None)), RecordedSessions())
app.step([], 1 / 60)
# play every scenario through to its end by keys, for the peak memory of a long session
from tests.ui.drive import by_keys
from trainer.ui.pilot import Pilot
import random
for path in bundled_scenarios():
    pilot = Pilot(PlayerOptions(trainee="B1", scenario_file=path))
    by_keys(pilot, random.Random(0))
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_rss_mb": rss_mb}))
"""


def frame_cpu(tmp: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", FRAME_SCRIPT, str(ROOT), tmp],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"},
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["cpu_ms_per_frame"])


def street_cpu() -> tuple[float, int, int]:
    """CPU per frame of the busiest selection street (the full station square, rain), and how many figures."""
    out = subprocess.run(
        [sys.executable, "-c", STREET_SCRIPT, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"},
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return float(data["cpu_ms_per_frame"]), int(data["figures"]), int(data["umbrellas"])


def launch(runs: int = 7) -> tuple[float, float, float, float, float]:
    """Seconds from starting `trainer play` to its first frame: median, min, max of `runs` (after one warm-up
    that fills the picker's card cache, as any earlier launch on the laptop has), the load average, and the
    median CPU seconds of a whole launch (start to exit: what a busy machine does not change)."""
    import resource
    import shutil
    import statistics
    import tempfile

    home = tempfile.mkdtemp(prefix="launch-")
    env = {
        **os.environ,
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "XDG_CACHE_HOME": f"{home}/cache",  # the user's own cache and settings stay untouched
        "XDG_CONFIG_HOME": f"{home}/config",
        "XDG_DATA_HOME": f"{home}/data",
        # Compiled modules kept, as on any installed laptop (the warm-up writes them), but outside the tree.
        "PYTHONPYCACHEPREFIX": f"{home}/pycache",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples, cpu = [], []
    try:
        for i in range(runs + 1):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.time()
            out = subprocess.run(
                [sys.executable, "-c", LAUNCH_SCRIPT, str(ROOT)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            data = json.loads(out.stdout.strip().splitlines()[-1])
            assert data["code"] == 0, out.stderr
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if i:
                samples.append(data["first_frame"] - start)
                cpu.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return statistics.median(samples), min(samples), max(samples), os.getloadavg()[0], statistics.median(cpu)


def peak_memory() -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"},
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["peak_rss_mb"])
