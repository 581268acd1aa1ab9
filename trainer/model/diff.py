"""A semantic diff of two versions of a scenario: what an instructor changed, in the words of the format.

Nodes, choices, kader steps, assessments, legal bases, timers, the flow between nodes, cast, reflection
questions and texts; texts are matched by their stable id, so an edited or (with `tid:`) moved text is one
change, not a removal plus an addition. Pure: two loaded scenarios in, a list of changes out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from trainer.model.diagnostics import Both
from trainer.model.diff_labels import (
    AREAS,
    CHOICE_FIELDS,
    choice_summary,
    choice_what,
    label,
    node_summary,
    owner,
    place_words,
    plain,
)
from trainer.model.graph import node_choices
from trainer.model.loader import LoadedScenario
from trainer.model.scenario import EndingNode, Line, SceneNode, SelectionNode
from trainer.model.text_ids import TextEntry, text_entries
from trainer.model.yaml_source import Path

__all__ = ["AREAS", "Change", "counts", "diff"]

Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Change:
    """One difference. `group` is the node it belongs to ('' for the scenario as a whole)."""

    kind: Kind
    area: str
    group: str
    what: Both
    old: Both | None = None
    new: Both | None = None
    old_line: int | None = None
    new_line: int | None = None


def _sub(what: Both, part: Both) -> Both:
    return Both(f"{what.nl}: {part.nl}", f"{what.en}: {part.en}")


class _Differ:
    def __init__(self, old: LoadedScenario, new: LoadedScenario) -> None:
        self.old, self.new = old, new
        self.out: list[Change] = []
        self.gone_owners: list[str] = []  # id prefixes of texts whose owner was added or removed

    def line(self, side: LoadedScenario, path: Path) -> int:
        return side.source.value_pos(path)[0]

    def add(
        self, kind: Kind, area: str, group: str, what: Both, old: Any = None, new: Any = None, **lines: Any
    ) -> None:
        self.out.append(
            Change(kind, area, group, what, old, new, lines.get("old_line"), lines.get("new_line"))
        )

    def field(self, area: str, group: str, what: Both, a: Any, b: Any, pa: Path, pb: Path) -> None:
        if a != b:
            self.add(
                "changed",
                area,
                group,
                what,
                label(a),
                label(b),
                old_line=self.line(self.old, pa),
                new_line=self.line(self.new, pb),
            )

    def run(self) -> list[Change]:
        self.scenario()
        self.nodes()
        self.texts()
        return self.out

    # --- the scenario as a whole -----------------------------------------------------------------

    def scenario(self) -> None:
        a, b = self.old.scenario, self.new.scenario
        for key, name in (
            ("id", Both("scenario-id", "scenario id")),
            ("version", Both("versie", "version")),
            ("duration_minutes", Both("duur (minuten)", "duration (minutes)")),
            ("start", Both("startknooppunt", "start node")),
            ("author", Both("auteur", "author")),
        ):
            self.field("scenario", "", name, getattr(a, key), getattr(b, key), (key,), (key,))
        self.field(
            "scenario",
            "",
            Both("tijdstip", "time of day"),
            a.setting.time_of_day,
            b.setting.time_of_day,
            ("setting", "time_of_day"),
            ("setting", "time_of_day"),
        )
        self.keyed(
            "cast",
            {m.id: (i, m) for i, m in enumerate(a.cast)},
            {m.id: (i, m) for i, m in enumerate(b.cast)},
            ("cast",),
            lambda mid: Both(f"castlid '{mid}'", f"cast member '{mid}'"),
            lambda m: label(m.kind),
            prefix="cast.",
        )
        old_q = {q.id: (i, q) for i, q in enumerate(a.reflection)}
        new_q = {q.id: (i, q) for i, q in enumerate(b.reflection)}
        self.keyed(
            "reflection",
            old_q,
            new_q,
            ("reflection",),
            lambda qid: Both(f"reflectievraag '{qid}'", f"reflection question '{qid}'"),
            lambda q: label(q.step),
            prefix="reflection.",
        )
        for qid in (q for q in new_q if q in old_q):  # file order: the same report every time
            (i, q), (j, r) = old_q[qid], new_q[qid]
            what = Both(f"reflectievraag '{qid}': kaderstap", f"reflection question '{qid}': kader step")
            self.field("step", "", what, q.step, r.step, ("reflection", i, "step"), ("reflection", j, "step"))
        for kind, old_names, new_names in (
            (Both("vlag", "flag"), set(a.state.flags), set(b.state.flags)),
            (Both("meter", "meter"), set(a.state.meters), set(b.state.meters)),
        ):
            for item in sorted(new_names - old_names):
                self.add("added", "state", "", Both(f"{kind.nl} '{item}'", f"{kind.en} '{item}'"))
            for item in sorted(old_names - new_names):
                self.add("removed", "state", "", Both(f"{kind.nl} '{item}'", f"{kind.en} '{item}'"))
            for item in new_names ^ old_names:
                self.gone_owners.append(f"state.{'flags' if kind.en == 'flag' else 'meters'}.{item}.")

    def keyed(
        self,
        area: str,
        old: dict[str, tuple[int, Any]],
        new: dict[str, tuple[int, Any]],
        base: Path,
        what: Any,
        summary: Any,
        prefix: str,
        group: str = "",
    ) -> None:
        """Items identified by id: added and removed ones."""
        for key in (k for k in new if k not in old):
            i, item = new[key]
            self.add(
                "added", area, group, what(key), new=summary(item), new_line=self.line(self.new, (*base, i))
            )
            self.gone_owners.append(f"{prefix}{key}.")
        for key in (k for k in old if k not in new):
            i, item = old[key]
            self.add(
                "removed", area, group, what(key), old=summary(item), old_line=self.line(self.old, (*base, i))
            )
            self.gone_owners.append(f"{prefix}{key}.")

    # --- nodes and choices ------------------------------------------------------------------------

    def nodes(self) -> None:
        a, b = self.old.scenario.nodes, self.new.scenario.nodes
        for nid in (n for n in b if n not in a):
            node = b[nid]
            self.add(
                "added",
                "node",
                nid,
                Both(f"knooppunt '{nid}'", f"node '{nid}'"),
                new=node_summary(node),
                new_line=self.new.source.key_pos(("nodes", nid))[0],
            )
            self.gone_owners.append(f"{nid}.")
        for nid in (n for n in a if n not in b):
            self.add(
                "removed",
                "node",
                nid,
                Both(f"knooppunt '{nid}'", f"node '{nid}'"),
                old=node_summary(a[nid]),
                old_line=self.old.source.key_pos(("nodes", nid))[0],
            )
            self.gone_owners.append(f"{nid}.")
        for nid in (n for n in b if n in a):
            self.node(nid)

    def node(self, nid: str) -> None:
        x, y = self.old.scenario.nodes[nid], self.new.scenario.nodes[nid]
        base: Path = ("nodes", nid)
        if x.type != y.type:
            self.field(
                "node",
                nid,
                Both("soort knooppunt", "node type"),
                x.type,
                y.type,
                (*base, "type"),
                (*base, "type"),
            )
            return
        if isinstance(x, EndingNode) and isinstance(y, EndingNode):
            self.field(
                "ending",
                nid,
                Both("afloop", "outcome"),
                x.outcome,
                y.outcome,
                (*base, "outcome"),
                (*base, "outcome"),
            )
        if isinstance(x, SceneNode) and isinstance(y, SceneNode):
            self.field(
                "flow",
                nid,
                Both("daarna (next)", "then (next)"),
                x.next,
                y.next,
                (*base, "next"),
                (*base, "next"),
            )
            xs = x.timer.seconds if x.timer else None
            ys = y.timer.seconds if y.timer else None
            tx, ty = (*base, "timer"), (*base, "timer")
            self.field("timer", nid, Both("timer (seconden)", "timer (seconds)"), xs, ys, tx, ty)
            xd = x.timer.default if x.timer else None
            yd = y.timer.default if y.timer else None
            self.field(
                "timer", nid, Both("keuze als de tijd om is", "choice when time runs out"), xd, yd, tx, ty
            )
        if isinstance(x, SelectionNode) and isinstance(y, SelectionNode):
            tl = (*base, "time_limit")
            self.field(
                "timer",
                nid,
                Both("bedenktijd (seconden)", "time to choose (seconds)"),
                x.time_limit,
                y.time_limit,
                tl,
                tl,
            )
            dp = (*base, "default")
            self.field(
                "timer",
                nid,
                Both("kandidaat als de tijd om is", "candidate when time runs out"),
                x.default,
                y.default,
                dp,
                dp,
            )
            self.cues(nid, x, y)
        if isinstance(x, (SceneNode, EndingNode)) and isinstance(y, (SceneNode, EndingNode)):
            self.lines(nid, x.lines, y.lines)
        self.choices(nid)

    def cues(self, nid: str, x: SelectionNode, y: SelectionNode) -> None:
        """Who a candidate is and which cues count as objective grounds: the heart of a selection scene."""
        old = {c.id: (i, c) for i, c in enumerate(x.candidates)}
        for j, cand in enumerate(y.candidates):
            if cand.id not in old:
                continue
            i, before = old[cand.id]
            pa: Path = ("nodes", nid, "candidates", i)
            pb: Path = ("nodes", nid, "candidates", j)
            who = Both(f"kandidaat '{cand.id}'", f"candidate '{cand.id}'")
            self.field(
                "choice",
                nid,
                _sub(who, Both("cast", "cast")),
                before.cast,
                cand.cast,
                (*pa, "cast"),
                (*pb, "cast"),
            )
            for k, (c1, c2) in enumerate(zip(before.cues, cand.cues, strict=False)):
                what = _sub(who, Both(f"aanwijzing {k + 1} objectief", f"cue {k + 1} objective"))
                pc, pd = (*pa, "cues", k, "objective"), (*pb, "cues", k, "objective")
                self.field("choice", nid, what, c1.objective, c2.objective, pc, pd)
            if len(before.cues) != len(cand.cues):
                what = _sub(who, Both("aantal aanwijzingen", "number of cues"))
                self.field(
                    "choice", nid, what, len(before.cues), len(cand.cues), (*pa, "cues"), (*pb, "cues")
                )

    def lines(self, nid: str, a: list[Line], b: list[Line]) -> None:
        """Who says a line and when it shows. Lines pair up as their texts do: by `tid`, else by position."""
        old = {(line.text.tid or str(k + 1)): (k, line) for k, line in enumerate(a)}
        for j, l2 in enumerate(b):
            key = l2.text.tid or str(j + 1)
            if key not in old:
                continue
            k, l1 = old[key]
            pa: Path = ("nodes", nid, "lines", k)
            pb: Path = ("nodes", nid, "lines", j)
            what = Both(f"regel {key}", f"line {key}")
            for field, name in (
                ("speaker", Both("spreker", "speaker")),
                ("when", Both("voorwaarde", "condition")),
            ):
                va, vb = getattr(l1, field), getattr(l2, field)
                self.field("flow", nid, _sub(what, name), va, vb, (*pa, field), (*pb, field))

    def choices(self, nid: str) -> None:
        old = {cid: (step, ch, path) for cid, step, ch, path in node_choices(self.old.scenario, nid)}
        new = {cid: (step, ch, path) for cid, step, ch, path in node_choices(self.new.scenario, nid)}
        for cid in (c for c in new if c not in old):
            step, ch, path = new[cid]
            self.add(
                "added",
                "choice",
                nid,
                choice_what(cid, path),
                new=choice_summary(step, ch),
                new_line=self.line(self.new, path),
            )
            self.gone_owners.append(owner(nid, path, cid))
        for cid in (c for c in old if c not in new):
            step, ch, path = old[cid]
            self.add(
                "removed",
                "choice",
                nid,
                choice_what(cid, path),
                old=choice_summary(step, ch),
                old_line=self.line(self.old, path),
            )
            self.gone_owners.append(owner(nid, path, cid))
        for cid in (c for c in new if c in old):
            (s1, c1, p1), (s2, c2, p2) = old[cid], new[cid]
            what = choice_what(cid, p2)

            def sub(label: Both, w: Both = what) -> Both:
                return Both(f"{w.nl}: {label.nl}", f"{w.en}: {label.en}")

            self.field(
                "step", nid, sub(Both("kaderstap", "kader step")), s1, s2, (*p1, "step"), (*p2, "step")
            )
            self.field(
                "assessment",
                nid,
                sub(Both("beoordeling", "assessment")),
                c1.assessment,
                c2.assessment,
                (*p1, "assessment"),
                (*p2, "assessment"),
            )
            for key, name, area in CHOICE_FIELDS:
                va, vb = getattr(c1, key, None), getattr(c2, key, None)
                self.field(area, nid, sub(name), va, vb, (*p1, key), (*p2, key))

    # --- texts ------------------------------------------------------------------------------------

    def texts(self) -> None:
        old = {e.id: e for e in text_entries(self.old.scenario)}
        new = {e.id: e for e in text_entries(self.new.scenario)}
        nodes = set(self.old.scenario.nodes) | set(self.new.scenario.nodes)
        for tid, entry in new.items():
            before = old.get(tid)
            if before is None:
                if not self.owned(entry):
                    self.text_change("added", entry, None, entry, nodes)
                continue
            self.compare_text(before, entry, nodes)
        for tid, entry in old.items():
            if tid not in new and not self.owned(entry):
                self.text_change("removed", entry, entry, None, nodes)

    def owned(self, entry: TextEntry) -> bool:
        """The text came or went with its node, choice, cast member or question: already said."""
        return any(entry.place.startswith(p) or entry.place == p[:-1] for p in self.gone_owners)

    def compare_text(self, a: TextEntry, b: TextEntry, nodes: set[str]) -> None:
        group = _group(b, nodes)
        lines = {"old_line": self.line(self.old, a.path), "new_line": self.line(self.new, b.path)}
        if a.place != b.place:
            what = _named(b, nodes, Both("verplaatst", "moved"))
            self.add("changed", "text", group, what, _where(a.place, nodes), _where(b.place, nodes), **lines)
        if a.text.nl != b.text.nl:
            what = _named(b, nodes, Both("Nederlands", "Dutch"))
            self.add("changed", "text", group, what, plain(a.text.nl), plain(b.text.nl), **lines)
        if a.text.en != b.text.en:
            what = _named(b, nodes, Both("Engels", "English"))
            none = Both("(geen vertaling)", "(no translation)")
            old = plain(a.text.en) if a.text.en else none
            new = plain(b.text.en) if b.text.en else none
            self.add("changed", "text", group, what, old, new, **lines)

    def text_change(
        self, kind: Kind, entry: TextEntry, a: TextEntry | None, b: TextEntry | None, nodes: set[str]
    ) -> None:
        what = _named(entry, nodes)
        if a is not None:
            self.add(
                kind,
                "text",
                _group(entry, nodes),
                what,
                old=plain(a.text.nl),
                old_line=self.line(self.old, a.path),
            )
        elif b is not None:
            self.add(
                kind,
                "text",
                _group(entry, nodes),
                what,
                new=plain(b.text.nl),
                new_line=self.line(self.new, b.path),
            )


def _named(entry: TextEntry, nodes: set[str], detail: Both | None = None) -> Both:
    """'tekst ID (where it sits, in words; detail)': an instructor finds the text without knowing how ids
    are made; a written `tid:` says so."""
    where = place_words(entry.place, nodes)
    nl, en = where.nl, where.en
    if entry.written:
        nl, en = f"eigen id, bij {nl}", f"written id, at {en}"
    if detail is not None:
        nl, en = f"{nl}; {detail.nl}", f"{en}; {detail.en}"
    return Both(f"tekst {entry.id} ({nl})", f"text {entry.id} ({en})")


def _where(place: str, nodes: set[str]) -> Both:
    words = place_words(place, nodes)
    return Both(f"{place} ({words.nl})", f"{place} ({words.en})")


def _group(entry: TextEntry, nodes: set[str]) -> str:
    head = entry.place.split(".", 1)[0]
    return head if head in nodes and entry.place != head else ""


def diff(old: LoadedScenario, new: LoadedScenario) -> list[Change]:
    """Every difference between two versions, grouped by node in the order of the new file."""
    changes = _Differ(old, new).run()
    order = {"": 0}
    for nid in [*new.scenario.nodes, *old.scenario.nodes]:
        order.setdefault(nid, len(order))
    return sorted(changes, key=lambda c: order.get(c.group, len(order)))  # stable: keeps order within a group


def counts(changes: Iterable[Change]) -> dict[tuple[str, Kind], int]:
    """How many changes of each area and kind, for the summary line."""
    out: dict[tuple[str, Kind], int] = {}
    for c in changes:
        out[(c.area, c.kind)] = out.get((c.area, c.kind), 0) + 1
    return out
