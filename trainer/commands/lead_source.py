"""The console's source of records: a GroupWatch folded into a GroupLive, the group journal for flags and
revotes, and the debrief's slides, over a laptop's SQLite store or the shared server. This is the I/O edge
the console window (trainer/ui/lead) is given; the window itself reads and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from debrief.errors import DebriefError
from debrief.live import GroupLive
from debrief.slides import build
from debrief.sources import assemble, from_store
from debrief.summary import fold
from debrief.words import Words
from trainer.records import RecordsError, RecordStore
from trainer.records.group_journal import Flag, GroupJournal, LocalGroupJournal, Revote
from trainer.records.server_read import ServerReader
from trainer.records.watch import GroupWatch
from trainer.ui.lead.source import Presentation

Reader = RecordStore | ServerReader


class StoreSource:
    """A LeadSource over one records backend. `reader` reads sessions and scenario snapshots, `journal`
    keeps flags and revotes, `watch` says what changed; `save` keeps the group's commitments."""

    def __init__(
        self,
        group: str,
        lang: str,
        *,
        reader: Reader,
        journal: GroupJournal,
        watch: GroupWatch,
        save: Callable[[str, list[str]], None],
        one_laptop: bool,
    ) -> None:
        self.group = group
        self.lang = lang
        self.reader = reader
        self.journal = journal
        self.watch = watch
        self._save = save
        self.one_laptop = one_laptop
        self._live = GroupLive(group)
        self._problem: str | None = None

    @property
    def live(self) -> GroupLive:
        return self._live

    def poll(self) -> bool:
        try:
            update = self.watch.poll()
        except RecordsError as exc:
            self._problem = exc.message(self.lang)
            return False
        self._problem = self.watch.problem
        if update.empty and not self._live.unknown:
            return False
        self._live.apply(update)
        self._load_scenarios()
        return not update.empty

    def _load_scenarios(self) -> None:
        """The scenario versions sessions named that are not loaded yet: read once per version (a session
        from a new version is rare; the events wait in the fold until it is there)."""
        for content_hash in sorted(self._live.unknown):
            try:
                self._live.add_scenario(content_hash, self.reader.scenario_snapshot(content_hash))
            except RecordsError as exc:
                self._problem = exc.message(self.lang)

    def problem(self) -> str | None:
        return self._problem

    def add_flag(self, at_session: str | None, at_node: str | None, note: str) -> Flag:
        flag = self.journal.add_flag(self.group, at_session=at_session, at_node=at_node, note=note)
        if flag not in self._live.flags:
            self._live.flags.append(flag)  # on screen now; the watch brings the same flag again, once
        return flag

    def presentation(self) -> Presentation:
        """The debrief's slides from the records as they are now (the same fold as `trainer debrief`)."""
        try:
            records, scenarios, groups = from_store(self.reader, group=self.group, lang=self.lang)
            sheet = fold(assemble(records, scenarios, groups, lang=self.lang), lang=self.lang)
        except DebriefError as exc:
            raise RecordsError(str(exc), str(exc)) from None
        flags = [(f.at_node, f.note) for f in self._live.flags]
        return Presentation(build(sheet, Words(self.lang), flags), sheet.commitments)

    def save_commitments(self, texts: list[str]) -> None:
        self._save(self.group, texts)

    def open_revote(self, scenario_id: str, node_id: str) -> Revote:
        revote = self.journal.open_revote(self.group, scenario_id, node_id)
        self._live.revotes[revote.revote_id] = revote
        return revote

    def close_revote(self, revote_id: str) -> None:
        self.journal.close_revote(revote_id)

    def set_hands(self, revote_id: str, choice_id: str, count: int) -> None:
        self.journal.set_hands(revote_id, choice_id, count)
        self._live.hands.setdefault(revote_id, {})[choice_id] = count

    def close(self) -> None:
        self.watch.close()
        self.reader.close()


def local_source(store: RecordStore, group: str, lang: str, *, one_laptop: bool) -> StoreSource:
    """The console over this laptop's records database."""

    def save(label: str, texts: list[str]) -> None:
        store.save_commitments(label, texts)

    return StoreSource(
        group,
        lang,
        reader=store,
        journal=LocalGroupJournal(store),
        watch=GroupWatch(store, group),
        save=save,
        one_laptop=one_laptop,
    )


def server_source(url: str, group: str, lang: str, *, one_laptop: bool) -> StoreSource:
    """The console over the shared server: the watch LISTENs there, flags and revotes are written there."""
    from trainer.records.server_groups import save_commitments
    from trainer.records.server_journal import ServerGroupJournal

    reader = ServerReader(url)
    server: Any = reader.server

    def save(label: str, texts: list[str]) -> None:
        save_commitments(server, label, texts)

    return StoreSource(
        group,
        lang,
        reader=reader,
        journal=ServerGroupJournal(server),
        watch=GroupWatch(url, group),
        save=save,
        one_laptop=one_laptop,
    )
