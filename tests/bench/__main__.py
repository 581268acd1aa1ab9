"""`make bench`: measures the issue targets and prints a table. Not part of `make test`."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from tests.bench.generate import generate
from trainer.engine import FakeClock, Session
from trainer.engine.routes import coverage
from trainer.engine.views import Phase
from trainer.model.checks import check
from trainer.model.loader import load_scenario_text

ROWS: list[tuple[str, str, str, bool]] = []


def _median(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def row(name: str, value: float, unit: str, target: float) -> None:
    scale = {"ms": 1e3, "µs": 1e6, "s": 1.0}[unit]
    ROWS.append((name, f"{value * scale:,.2f} {unit}", f"<= {target:g} {unit}", value * scale <= target))


def bench_load_check(text: str) -> None:
    def load_and_check() -> None:
        check(load_scenario_text(text, "gegenereerd.yaml"))

    load_and_check()  # warm imports and caches
    row("load + check, generated 300-node scenario (median of 30)", _median(load_and_check, 30), "ms", 150)


def bench_choose(text: str) -> None:
    scenario = load_scenario_text(text, "gegenereerd.yaml").scenario
    samples: list[float] = []
    clock = FakeClock()
    while len(samples) < 20_000:
        session = Session(scenario, clock=clock)
        session.choose("kandidaat_0")
        while session.phase == Phase.PLAY:
            start = time.perf_counter_ns()
            session.choose("k0")
            samples.append((time.perf_counter_ns() - start) / 1e9)
    row(f"engine choose step, no I/O (median of {len(samples):,})", statistics.median(samples), "µs", 20)


def bench_coverage(text: str) -> None:
    scenario = load_scenario_text(text, "gegenereerd.yaml").scenario
    result = coverage(scenario)
    row(f"coverage, generated 300-node scenario ({len(result.routes)} routes, {result.states_seen} states)",
        _median(lambda: coverage(scenario), 5), "s", 2)


def main() -> int:
    text = generate(300)
    nodes = len(load_scenario_text(text, "g.yaml").scenario.nodes)
    print(f"benchmarks on a generated scenario of {nodes} nodes, Python {sys.version.split()[0]}\n")
    bench_load_check(text)
    bench_choose(text)
    bench_coverage(text)
    width = max(len(r[0]) for r in ROWS)
    print(f"{'measure':<{width}}  {'result':>12}  {'target':>12}  ok")
    for name, value, target, ok in ROWS:
        print(f"{name:<{width}}  {value:>12}  {target:>12}  {'yes' if ok else 'NO'}")
    return 0 if all(r[3] for r in ROWS) else 1


if __name__ == "__main__":
    sys.exit(main())
