"""The engine's perspective pages in words: its captions looked up in the UI string catalogue.

Pure (no pygame): the window and `play --text` both print pages through `told`, so they say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.engine.perspective import Caption, PerspectivePage, Words
from trainer.model.scenario import CastMember
from trainer.ui.strings import t


@dataclass(frozen=True)
class ToldPage:
    title: str
    paragraphs: tuple[tuple[str, str], ...]  # (heading, text); heading may be ""
    portrait: CastMember | None = None


def told(page: PerspectivePage, lang: str) -> ToldPage:
    """A page with its title and captions in `lang` (the authored text is already in the session's)."""
    title = (
        t(lang, "perspective_title", name=page.about)
        if page.about is not None
        else t(lang, "perspective_others")
    )
    return ToldPage(title, tuple((_word(h, lang), _word(x, lang)) for h, x in page.paragraphs), page.portrait)


def _word(words: Words, lang: str) -> str:
    return t(lang, words.value) if isinstance(words, Caption) else words
