"""Backdrop images an author names in a scenario (`backdrop: sloterdijk.png`): where they are found and
whether they can be read.

No pygame: `trainer check` uses this to report a missing (C105) or unreadable (C150) image at the line that
names it, and the window uses `find_image` to load the same file. An image is looked for next to the
scenario first, then in the bundled `assets/images/`.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.paths import assets_dir

if (
    TYPE_CHECKING
):  # the window finds images on its launch path; the messages (and pydantic) load only to check
    from trainer.model.diagnostics import Both

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_IMAGE_BYTES = 32 * 1024 * 1024
MAX_SIDE = 16_384
_PNG = b"\x89PNG\r\n\x1a\n"


def image_dirs(scenario_file: Path) -> tuple[Path, ...]:
    """Where a scenario's images are looked for, in order."""
    return (scenario_file.parent, assets_dir() / "images")


def find_image(name: str, scenario_file: Path) -> Path | None:
    """The file a backdrop name refers to, or None (a name that climbs out of its folder is never found)."""
    if (
        Path(name).suffix.lower() not in IMAGE_SUFFIXES
        or ".." in Path(name).parts
        or Path(name).is_absolute()
    ):
        return None
    return next((d / name for d in image_dirs(scenario_file) if (d / name).is_file()), None)


def image_problem(path: Path) -> Both | None:
    """Why `path` cannot be drawn as a backdrop (None when it can): read, and for PNG decompressed, in full,
    so a truncated or damaged file is caught by `trainer check`, not by a trainee's window."""
    from trainer.model.diagnostics import Both

    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            mb = MAX_IMAGE_BYTES // 1024 // 1024
            return Both(f"groter dan {mb} MB", f"larger than {mb} MB")
        data = path.read_bytes()
    except OSError as exc:
        return Both(f"niet te lezen ({exc.strerror or 'systeemfout'})", f"cannot be read ({exc.strerror})")
    if data.startswith(_PNG):
        return _png_problem(data)
    if data.startswith(b"\xff\xd8\xff"):
        return None if data.rstrip(b"\x00").endswith(b"\xff\xd9") else _damaged()
    return Both("geen PNG- of JPEG-afbeelding", "not a PNG or JPEG image")


def _damaged() -> Both:
    from trainer.model.diagnostics import Both

    return Both("beschadigd of afgebroken bestand", "damaged or truncated file")


def _png_problem(data: bytes) -> Both | None:
    """Walk the chunks (checking each CRC) and inflate the pixel data: what a decoder would do first."""
    from trainer.model.diagnostics import Both

    pos, idat, width, height = len(_PNG), bytearray(), 0, 0
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        crc = data[pos + 8 + length : pos + 12 + length]
        if len(body) != length or len(crc) != 4 or zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            return _damaged()
        if kind == b"IHDR" and length >= 8:
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    else:
        return _damaged()
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return Both(f"ongeldige afmetingen {width}x{height}", f"invalid size {width}x{height}")
    try:
        pixels = zlib.decompressobj().decompress(bytes(idat))
    except zlib.error:
        return _damaged()
    return None if pixels else _damaged()
