"""Semantic checks of a validated scenario: references, graph shape, kader coverage, authoring rules.

Pure: file existence for images is asked through `asset_exists`, supplied by the caller.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from trainer.model.atmosphere_checks import atmosphere_findings
from trainer.model.casting_checks import casting_findings
from trainer.model.content_checks import cue_findings, legal_findings, length_findings
from trainer.model.diagnostics import Both, Diagnostic
from trainer.model.drawn_checks import drawn_findings
from trainer.model.graph import NOBODY, node_choices
from trainer.model.i18n_checks import translation_findings
from trainer.model.loader import LoadedScenario
from trainer.model.look_checks import look_condition_findings
from trainer.model.phrases import PhraseList, default_phrases
from trainer.model.scenario import (
    AddEffect,
    ChoiceBase,
    EndingNode,
    FlagCondition,
    GotoBranch,
    MeterCondition,
    SceneNode,
    SelectionNode,
    SetEffect,
)
from trainer.model.street_checks import street_findings
from trainer.model.text import Text
from trainer.model.vocabulary import OBJECTIVE_GROUNDS, Assessment, Backdrop
from trainer.model.yaml_source import Path

NARRATOR = "verteller"
DEFAULT_VALUES: tuple[str, ...] = (
    "privacy",
    "veiligheid",
    "proportionaliteit",
    "daadkracht",
    "rechtvaardigheid",
    "gelijkwaardigheid",
    "vertrouwen",
    "effectiviteit",
    "rechtmatigheid",
    "transparantie",
    "moedig",
    "betrouwbaar",
    "verbindend",
    "integer",
)


def _suggest(word: str, options: Any) -> Both | str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if close:
        return Both(f"bedoel je '{close[0]}'?", f"did you mean '{close[0]}'?")
    known = ", ".join(sorted(options))[:120]
    return Both(f"bekend: {known}", f"known: {known}") if options else ""


class _Checker:
    def __init__(
        self,
        loaded: LoadedScenario,
        asset_exists: Callable[[str], bool],
        phrases: PhraseList,
        asset_problem: Callable[[str], Both | None],
    ) -> None:
        self.sc = loaded.scenario
        self.phrases = phrases
        self.smap = loaded.source
        self.texts = loaded.texts
        self.asset_exists = asset_exists
        self.asset_problem = asset_problem
        self.found: list[Diagnostic] = []
        self.graph = loaded.graph
        self.flags = set(self.sc.state.flags)
        self.meters = self.sc.state.meters
        self.cast = {c.id for c in self.sc.cast}
        # Flags start false; only an effect can make one true. A `when:` that needs a flag no effect sets
        # hides its line or choice in every playthrough (C129).
        self.set_true = {
            effect.set
            for node_id in self.sc.nodes
            for _cid, _step, choice, _path in node_choices(self.sc, node_id)
            for effect in choice.effects
            if isinstance(effect, SetEffect) and effect.to is True
        }

    def add(self, code: str, path: Path, *, at_key: bool = False, **args: Any) -> None:
        self.found.append(self.smap.diag(code, path, at_key=at_key, **args))

    def run(self) -> list[Diagnostic]:
        self.check_ids()
        self.check_state()
        self.check_cast_refs()
        self.check_nodes()
        self.check_graph()
        self.check_english()
        findings = (
            *cue_findings(self.sc, self.phrases),
            *length_findings(self.sc),
            *atmosphere_findings(self.sc, self.texts),
            *casting_findings(self.sc),
            *drawn_findings(self.sc),
            *look_condition_findings(self.sc),
        )
        for code, path, args in findings:
            self.add(code, path, **args)
        for code, path, args in translation_findings(self.sc, self.smap, self.texts):
            self.add(code, path, **args)
        return sorted(self.found, key=lambda d: (d.line, d.column, d.code))

    # --- identities and references ---

    def check_ids(self) -> None:
        for i, member in enumerate(self.sc.cast):
            if member.id == NARRATOR:
                self.add("C127", ("cast", i, "id"), name=member.id)
        for label, ids in (
            ("cast", [c.id for c in self.sc.cast]),
            ("reflection", [q.id for q in self.sc.reflection]),
        ):
            seen: set[str] = set()
            for i, item_id in enumerate(ids):
                if item_id in seen:
                    self.add("C119", (label, i, "id"), name=item_id)
                seen.add(item_id)
        for i, question in enumerate(self.sc.reflection):
            self.check_conditions(question.when, ("reflection", i, "when"))
        if self.sc.start not in self.sc.nodes:
            self.add(
                "C116", ("start",), target=self.sc.start, suggestion=_suggest(self.sc.start, self.sc.nodes)
            )

    def check_state(self) -> None:
        if isinstance(self.sc.state.flags, list) and self.sc.state.flags:
            # the debrief sheet names what happened by these labels, in Dutch and English, never by raw ids
            self.add("C144", ("state", "flags"), first=self.sc.state.flags[0])
        for name, meter in self.meters.items():
            if meter.min > meter.max:
                self.add("C124", ("state", "meters", name), name=name, min=meter.min, max=meter.max)
            elif not meter.min <= meter.start <= meter.max:
                self.add(
                    "C117",
                    ("state", "meters", name, "start"),
                    name=name,
                    start=meter.start,
                    min=meter.min,
                    max=meter.max,
                )
            if meter.cast is not None:
                self.cast_ref(meter.cast, ("state", "meters", name, "cast"))

    def cast_ref(self, name: str, path: Path) -> None:
        if name not in self.cast:
            self.add("C102", path, name=name, suggestion=_suggest(name, self.cast))

    def check_cast_refs(self) -> None:
        if self.sc.briefing.partner:
            self.cast_ref(self.sc.briefing.partner, ("briefing", "partner"))
        self.backdrop(self.sc.setting.backdrop, ("setting", "backdrop"))

    def backdrop(self, name: str, path: Path) -> None:
        if name in Backdrop.__members__.values():
            return
        if not self.asset_exists(name):
            self.add("C105", path, name=name, known=", ".join(b.value for b in Backdrop))
        elif (problem := self.asset_problem(name)) is not None:
            self.add("C150", path, name=name, problem=problem)

    def target(self, target: str, path: Path) -> None:
        if target not in self.sc.nodes:
            self.add("C101", path, target=target, suggestion=_suggest(target, self.sc.nodes))

    # --- nodes and choices ---

    def check_nodes(self) -> None:
        for node_id, node in self.sc.nodes.items():
            base: Path = ("nodes", node_id)
            if not isinstance(node, EndingNode) and node.backdrop is not None:
                self.backdrop(node.backdrop, (*base, "backdrop"))
            for i, line in enumerate(getattr(node, "lines", [])):
                if line.speaker != NARRATOR:
                    self.cast_ref(line.speaker, (*base, "lines", i, "speaker"))
                self.check_conditions(line.when, (*base, "lines", i, "when"))
            if isinstance(node, SelectionNode):
                self.check_selection(node_id, node)
            elif isinstance(node, SceneNode):
                self.check_scene(node_id, node)
            seen: set[str] = set()
            for cid, _step, choice, path in node_choices(self.sc, node_id):
                if cid in seen:
                    self.add(
                        "C115" if isinstance(node, SceneNode) else "C119",
                        (*path, "id") if isinstance(node, SceneNode) else path,
                        choice=cid,
                        node=node_id,
                        name=cid,
                    )
                seen.add(cid)
                self.check_choice(cid, choice, path)

    def check_selection(self, node_id: str, node: SelectionNode) -> None:
        base: Path = ("nodes", node_id)
        for i, cand in enumerate(node.candidates):
            if cand.id == NOBODY:
                self.add("C127", (*base, "candidates", i, "id"), name=cand.id)
            for j, member in enumerate(cand.cast):
                self.cast_ref(member, (*base, "candidates", i, "cast", j))
            if not cand.address.grounds:
                self.add("C112", (*base, "candidates", i, "address"), choice=cand.id)
        if node.default is not None and node.default not in {c.id for c in node.candidates} | {NOBODY}:
            self.add(
                "C101",
                (*base, "default"),
                target=node.default,
                suggestion=_suggest(node.default, [c.id for c in node.candidates] + [NOBODY]),
            )
        for code, path, args in street_findings(node_id, node):
            self.add(code, path, **args)
        default = next((c.address for c in node.candidates if c.id == node.default), node.nobody)
        if default.when:
            self.add(
                "C126",
                (*base, "default") if node.default else (*base, "nobody", "when"),
                choice=node.default or NOBODY,
            )

    def check_scene(self, node_id: str, node: SceneNode) -> None:
        base: Path = ("nodes", node_id)
        if node.choices and node.next:
            self.add("C122", (*base, "next"), at_key=True, node=node_id)
        for _when, target, below in node.next_targets():
            self.target(target, (*base, *below))
        if isinstance(node.next, list):
            owner = Both(f"knooppunt '{node_id}'", f"node '{node_id}'")
            self.check_branches(owner, node.next, (*base, "next"), "next")
        if not node.choices and not node.next:
            # an empty `choices: []` is where the author left the node without a way on: point there
            written = (*base, "choices") if self.smap.has_key((*base, "choices")) else base
            self.add("C107", written, at_key=True, node=node_id)
        if node.choices and all(c.when for c in node.choices):
            self.add("C121", (*base, "choices"), node=node_id)
        if node.timer is not None:
            ids = [c.id for c in node.choices]
            if not node.choices:
                self.add("C125", (*base, "timer"), at_key=True, node=node_id)
            elif node.timer.default is None:
                self.add(
                    "C113",
                    (*base, "timer"),
                    at_key=True,
                    suggestion=Both(f" (bijv. {ids[0]})", f" (e.g. {ids[0]})"),
                )
            elif node.timer.default not in ids:
                self.add(
                    "C101",
                    (*base, "timer", "default"),
                    target=node.timer.default,
                    suggestion=_suggest(node.timer.default, ids),
                )
            elif node.choices[ids.index(node.timer.default)].when:
                self.add("C126", (*base, "timer", "default"), choice=node.timer.default)

    def check_choice(self, cid: str, choice: ChoiceBase, path: Path) -> None:
        for _when, target, below in choice.targets():
            self.target(target, (*path, *below))
        if not isinstance(choice.goto, str):
            owner = Both(f"keuze '{cid}'", f"choice '{cid}'")
            self.check_branches(owner, choice.goto, (*path, "goto"), "goto")
        if choice.assessment != Assessment.IN_LIJN and choice.rationale is None:
            self.add("C111", path, choice=cid, assessment=choice.assessment.value)
        prohibited = [g.value for g in choice.grounds if g not in OBJECTIVE_GROUNDS]
        if prohibited and choice.assessment == Assessment.IN_LIJN:
            self.add("C120", (*path, "assessment"), choice=cid, grounds=", ".join(prohibited))
        known_values = set(DEFAULT_VALUES) | set(self.sc.values)
        for i, value in enumerate(choice.values):
            if value not in known_values:
                self.add(
                    "C123", (*path, "values", i), name=value, known=", ".join(DEFAULT_VALUES[:6]) + ", ..."
                )
        for code, fpath, args in legal_findings(choice, path):
            self.add(code, fpath, **args)
        self.check_conditions(choice.when, (*path, "when"))
        for i, eff in enumerate(choice.effects):
            epath = (*path, "effects", i)
            if isinstance(eff, AddEffect):
                self.meter_ref(eff.add, (*epath, "add"))
            elif isinstance(eff, SetEffect):
                self.check_set(eff, epath)

    def check_branches(self, owner: Both, branches: list[GotoBranch], path: Path, key: str) -> None:
        """A conditional `goto` (or `next:`): the first branch whose `when:` holds is taken, so the last one
        must hold always (the default, C147) and nothing may follow a branch that always holds (C148)."""
        for i, branch in enumerate(branches):
            self.check_conditions(branch.when, (*path, i, "when"))
            if not branch.when and i < len(branches) - 1:
                self.add("C148", (*path, i + 1), owner=owner, default=branch.to, key=key)
                break
        else:
            if branches[-1].when:
                self.add("C147", path, at_key=True, owner=owner, key=key)

    def check_conditions(self, conditions: list[Any], path: Path) -> None:
        for i, cond in enumerate(conditions):
            cpath = (*path, i)
            if isinstance(cond, FlagCondition):
                self.flag_ref(cond.flag, (*cpath, "flag"))
                if cond.is_ and cond.flag in self.flags and cond.flag not in self.set_true:
                    self.add("C129", (*cpath, "flag"), name=cond.flag)
            elif isinstance(cond, MeterCondition):
                self.meter_ref(cond.meter, (*cpath, "meter"))
                if cond.at_least is None and cond.at_most is None:
                    self.add("C128", cpath, name=cond.meter)

    def check_set(self, eff: SetEffect, path: Path) -> None:
        is_bool = isinstance(eff.to, bool)
        if eff.set in self.flags:
            if not is_bool:
                self.add("C118", (*path, "to"), name=eff.set, kind=Both("vlag", "flag"), value=eff.to)
        elif eff.set in self.meters:
            if is_bool:
                self.add("C118", (*path, "to"), name=eff.set, kind="meter", value=str(eff.to).lower())
        elif is_bool:
            self.add("C103", (*path, "set"), name=eff.set, suggestion=self._suffix(eff.set, self.flags))
        else:
            self.add("C104", (*path, "set"), name=eff.set, suggestion=self._suffix(eff.set, self.meters))

    @staticmethod
    def _suffix(name: str, options: Any) -> Both | str:
        close = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
        return Both(f" (of bedoel je '{close[0]}'?)", f" (or did you mean '{close[0]}'?)") if close else ""

    def flag_ref(self, name: str, path: Path) -> None:
        if name not in self.flags:
            self.add("C103", path, name=name, suggestion=self._suffix(name, self.flags))

    def meter_ref(self, name: str, path: Path) -> None:
        if name not in self.meters:
            self.add("C104", path, name=name, suggestion=self._suffix(name, self.meters))

    # --- graph shape ---

    def check_graph(self) -> None:
        graph = self.graph
        reachable = graph.reachable(self.sc.start)
        for node_id in self.sc.nodes:
            if node_id not in reachable and self.sc.start in self.sc.nodes:
                code = "C108" if graph.is_ending(node_id) else "C106"
                self.add(code, ("nodes", node_id), at_key=True, node=node_id)
        stuck = reachable - graph.can_reach_ending()
        for comp in graph.strongly_connected(stuck):
            looping = len(comp) > 1 or any(e.target == comp[0] for e in graph.out[comp[0]])
            if looping:
                entry, closing = graph.closing_edge(comp, self.sc.start)
                self.add(
                    "C109",
                    closing.path,
                    node=entry,
                    back=closing.target,
                    members=", ".join(sorted(comp)),
                )
        # C110 (every route covers the four steps) follows the rules of play, `when:` included, so it is
        # decided over the state graph in `trainer.engine.checking`, which runs these checks first.

    # --- translations ---

    def check_english(self) -> None:
        for text, path in self.texts:
            if text.en is None:
                short = text.nl if len(text.nl) <= 40 else text.nl[:37] + "..."
                self.add("C114", path, text=short)


def check(
    loaded: LoadedScenario,
    asset_exists: Callable[[str], bool] = lambda _name: False,
    phrases: PhraseList | None = None,
    asset_problem: Callable[[str], Both | None] = lambda _name: None,
) -> list[Diagnostic]:
    """The semantic findings that need no rules of play, in file order (evaluative phrases: the bundled
    list). `trainer.engine.checking.check` adds the route checks (C110) and is what `trainer check` runs."""
    return _Checker(loaded, asset_exists, phrases or default_phrases(), asset_problem).run()


def iter_texts(obj: Any) -> Iterator[Text]:
    """Every Text inside a model (for translation tools and tests)."""
    if isinstance(obj, Text):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_texts(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from iter_texts(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from iter_texts(item)
