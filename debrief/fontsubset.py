"""Developer tool: writes the Latin subsets of the shipped Noto Sans that the sheets inline.

The full fonts are ~0.5 MB each; inlined as base64 they would make every sheet ~2 MB. The subsets cover
Latin-1, Latin Extended-A and the punctuation the sheets use (~30 kB each); a character outside them
falls back to the reader's sans-serif. Run after changing the fonts in assets/fonts:

    .venv/bin/python -m debrief.fontsubset

Needs fontTools (installed with the `pdf` and `test` extras). Never imported by the debrief itself.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from trainer.paths import assets_dir

FONTS = Path(__file__).resolve().parent / "fonts"
STYLES = ("Regular", "Bold", "Italic")
UNICODES = [
    *range(0x20, 0x7F),  # Basic Latin
    *range(0xA0, 0x180),  # Latin-1 Supplement, Latin Extended-A
    *range(0x218, 0x21C),  # Romanian comma-below letters
    0x2009,
    0x200B,
    0x202F,
    0x2010,
    0x2011,
    0x2013,
    0x2014,
    0x2018,
    0x2019,
    0x201A,
    0x201C,
    0x201D,
    0x201E,
    0x2022,
    0x2026,
    0x2032,
    0x2033,
    0x2039,
    0x203A,
    0x20AC,
    0x2190,
    0x2192,
    0x2194,
    0x2212,
    0x2264,
    0x2265,
    0x00D7,
    0x2248,
]


def main() -> int:
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    FONTS.mkdir(exist_ok=True)
    for style in STYLES:
        options = subset.Options()
        options.hinting = False
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
        font = TTFont(assets_dir() / "fonts" / f"NotoSans-{style}.ttf", recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        font.flavor = None
        # A fixed timestamp: the same input fonts always give the same bytes (and the same sheets).
        font["head"].created = font["head"].modified = 0
        target = FONTS / f"NotoSans-{style}.latin.ttf"
        font.save(target, reorderTables=True)
        print(f"{target.name}: {target.stat().st_size:,} bytes")
    shutil.copyfile(assets_dir() / "fonts" / "OFL.txt", FONTS / "OFL.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
