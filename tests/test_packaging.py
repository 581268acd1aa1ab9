"""A plain `pip install .` into a fresh venv finds the bundled scenarios (not only the editable install).

What this proves is where a non-editable install puts the package, its data files and the bundled content,
and that it finds them once the source tree is gone. Resolving the dependencies again proves nothing here
(the lock file and `make test` install them) and took most of the time, so the fresh venv borrows the test
environment's dependencies through a path file, and the package itself is built and installed for real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked tree")


def test_plain_install_finds_bundled_scenarios(tmp_path: Path) -> None:
    source = tmp_path / "src"
    # Copy the working tree without .venv or caches, as a clean checkout would have it.
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "*.egg-info", "build", "__pycache__", ".pytest_cache", ".mypy_cache"
        ),
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # only the installed copy may answer
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Appended after the venv's own site-packages, and without running the test environment's .pth files:
    # its editable `trainer` can never answer, the freshly installed one must.
    deps = sysconfig.get_paths()["purelib"]
    Path(site, "borrowed_dependencies.pth").write_text(deps + "\n", encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps", str(source)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    shutil.rmtree(source)  # the installed copy must not lean on the source tree
    code = (
        "from trainer.paths import bundled_scenarios, scenarios_dir; "
        "files = bundled_scenarios(); print(scenarios_dir()); print(len(files)); "
        "assert files and (scenarios_dir() / 'scenario.schema.json').is_file()"
    )
    found = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert found.returncode == 0, found.stderr
    assert str(venv) in found.stdout
    where = subprocess.run(
        [str(py), "-c", "import trainer, debrief; print(trainer.__file__); print(debrief.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert where.stdout.count(str(venv)) == 2, where.stdout + where.stderr  # the installed copy answers
    check = subprocess.run(
        [str(venv / "bin" / "trainer"), "check", found.stdout.splitlines()[0]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    _bundled_ids_and_scaffolds_work_installed(venv, tmp_path, env)
    guide = subprocess.run(
        [str(venv / "bin" / "trainer"), "debrief", "--sheet", "guide", "-o", "-"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert guide.returncode == 0, guide.stderr  # templates, words and fonts travel with the debrief package
    assert "data:font/ttf;base64," in guide.stdout and "30 min" in guide.stdout
    _report_works_installed(venv, tmp_path, env)


def _report_works_installed(venv: Path, tmp_path: Path, env: dict[str, str]) -> None:
    """The report's template, words and codebook travel with the debrief package (issue 20)."""
    db = tmp_path / "report.sqlite3"
    trainer = str(venv / "bin" / "trainer")
    ran = subprocess.run(
        [trainer, "run", "stationsplein", "--auto", "--db", str(db), "--trainee", "T1", "--group", "g"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert ran.returncode == 0, ran.stderr
    made = subprocess.run(
        [trainer, "report", "--db", str(db), "-o", str(tmp_path / "r.html"), "--csv", str(tmp_path / "csv")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert made.returncode == 0, made.stderr
    assert "Meetrapport" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert (tmp_path / "csv" / "codebook.md").is_file()


def _bundled_ids_and_scaffolds_work_installed(venv: Path, tmp_path: Path, env: dict[str, str]) -> None:
    """An installed user finds the bundled scenarios by id, copies one and starts a new one (issue 19)."""

    def trainer(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / "trainer"), *args], capture_output=True, text=True, cwd=tmp_path, env=env
        )

    listing = trainer("scenarios")
    assert listing.returncode == 0, listing.stderr
    assert str(venv / "share" / "trainer" / "scenarios" / "stationsplein.yaml") in listing.stdout
    by_id = trainer("check", "stationsplein")
    assert by_id.returncode == 0 and "0 fout(en), 0 waarschuwing(en)" in by_id.stdout, by_id.stderr
    schema = venv / "share" / "trainer" / "scenarios" / "scenario.schema.json"
    for made, file in (
        (trainer("new", "eigen_scenario", "werk"), tmp_path / "werk" / "eigen_scenario.yaml"),
        (trainer("scenarios", "--copy", "stationsplein", "kopie"), tmp_path / "kopie" / "stationsplein.yaml"),
    ):
        assert made.returncode == 0, made.stderr  # the scaffold template travels with the package
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema.as_posix()}"
        checked = trainer("check", str(file))
        assert checked.returncode == 0 and "0 waarschuwing(en)" in checked.stdout, checked.stdout
