"""`trainer storyboard FILE -o DIR`: every node as a PNG plus index.html, without opening a window."""

from __future__ import annotations

import os
import re
from pathlib import Path

from trainer.commands.common import UserError, load_clean


def run(
    path: str, output: str, size: str, lang: str, at: float | None = None, *, look: int | None = None
) -> int:
    match = re.fullmatch(r"(\d{3,4})x(\d{3,4})", size)
    if not match:
        raise UserError(f"ongeldige grootte '{size}' (tip: bijv. 1280x720)")
    if at is not None and not 0 <= at <= 600:
        raise UserError(f"ongeldige seconde {at:g} (tip: 0 tot de tijdslimiet van de selectie)")
    if look is not None and look < 0:
        raise UserError(f"ongeldige plaats '{look}' voor --look (tip: 0, 1, 2, ...)")
    loaded = load_clean(path, lang)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from trainer.ui.storyboard import render_headless  # the only pygame import path: trainer.ui

    try:
        rows = render_headless(
            loaded.scenario,
            Path(output),
            size=(int(match[1]), int(match[2])),
            lang=lang,
            at=at,
            look=look,
            scenario_file=Path(loaded.path),
        )
    except OSError as exc:
        raise UserError(f"{output}: kan niet schrijven ({exc.strerror})") from None
    print(f"{len(rows)} afbeeldingen en index.html in {output}")
    return 0
