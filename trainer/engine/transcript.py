"""A readable transcript of a session, from its events and its scenario alone."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.engine.events import (
    ChoiceMade,
    EndingReached,
    Event,
    NodeEntered,
    ReflectionAnswered,
    RegistrationMade,
    RevoteCast,
    SessionStarted,
    TimedOut,
)
from trainer.engine.rules import rules_for
from trainer.model.casting import apply_looks
from trainer.model.graph import node_choices
from trainer.model.scenario import EndingNode, Scenario, SceneNode, SelectionNode
from trainer.model.text import Text, lang_key, tr
from trainer.model.vocabulary import (
    ASSESSMENT_LABELS,
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    Assessment,
    LegalBasis,
    Outcome,
)

_WORDS = {
    "nl": {
        "you": "Jij",
        "choice": "Keuze",
        "timeout": "De tijd was om",
        "default": "wat er daarna gebeurde",
        "shown": "Keuzes zoals getoond",
        "ending": "EINDE",
        "perspective": "Perspectief",
        "registration": "Registratie",
        "grounds": "gronden",
        "basis": "grondslag",
        "outcome": "afloop",
        "reason": "reden",
        "narrator": "Verteller",
        "reflection": "Reflectie",
        "started": "Scenario",
        "none": "geen",
        "casting": "Looks in deze sessie",
        "revote": "Groepsherstemming bij",
    },
    "en": {
        "you": "You",
        "choice": "Choice",
        "timeout": "Time ran out",
        "default": "what happened next",
        "shown": "Choices as shown",
        "ending": "ENDING",
        "perspective": "Perspective",
        "registration": "Registration",
        "grounds": "grounds",
        "basis": "legal basis",
        "outcome": "outcome",
        "reason": "reason",
        "narrator": "Narrator",
        "reflection": "Reflection",
        "started": "Scenario",
        "none": "none",
        "casting": "Looks in this session",
        "revote": "Group revote at",
    },
}


def transcript(
    scenario: Scenario, events: Iterable[Event], lang: str = "nl", *, with_order: bool = False
) -> list[str]:
    """Lines of text: what was shown, what was chosen, how it ended, what was reflected and registered.

    `with_order` lists each scene's choices in the order the trainee saw them (an instructor's replay);
    a host that prints its own numbered menu leaves it off.
    """
    w = _WORDS[lang_key(lang)]
    names = {c.id: c.name.get(lang) for c in scenario.cast}

    def t(text: Text | None) -> str:
        return text.get(lang) if text is not None else ""

    out: list[str] = []
    rules = rules_for(scenario)
    state = rules.initial  # followed along through the rules, so conditional lines show as they did
    for event in events:
        stamp = f"[{event.t:7.1f}s]"
        if isinstance(event, SessionStarted):
            out.append(f"{w['started']}: {t(scenario.title)} (v{event.scenario_version}, seed {event.seed})")
            state = rules.start_state(event.casting)  # lines on a look show as the session drew them
            if event.casting:
                # names follow the look where a pool gives name variants; the looks are said, for replays
                names |= {c.id: c.name.get(lang) for c in apply_looks(scenario, event.casting).cast}
                looks = ", ".join(f"{names.get(cid, cid)}: {look}" for cid, look in event.casting.items())
                out.append(f"  {w['casting']}: {looks}")
        elif isinstance(event, NodeEntered):
            node = scenario.nodes[event.node]
            out.append(f"{stamp} --- {event.node} ---")
            if isinstance(node, SelectionNode):
                out.append(f"  {t(node.prompt)}")
                for cand in node.candidates:
                    cues = "; ".join(t(c.text) for c in cand.cues)
                    out.append(f"  • {t(cand.label)}: {cues}")
            for line in rules.lines(event.node, state):
                speaker = (
                    w["narrator"] if line.speaker == "verteller" else names.get(line.speaker, line.speaker)
                )
                out.append(f"  {speaker}: {t(line.text)}")
            for info in getattr(node, "info", []):
                out.append(f"  [{info.kind.label(lang).upper()}] {t(info.title)}: {t(info.text)}")
            if with_order and isinstance(node, SceneNode) and event.order:
                texts = {o.id: t(o.choice.text) for o in rules.options[event.node]}
                out.append(f"  {w['shown']}:")
                out.extend(f"    {i}. {texts.get(cid, cid)}" for i, cid in enumerate(event.order, 1))
        elif isinstance(event, TimedOut):
            out.append(f"{stamp} ⏱ {w['timeout']}.")
        elif isinstance(event, ChoiceMade):
            move = rules.step(event.node, state, event.choice)
            assert move.option is not None
            choice, state = move.option.choice, move.state
            assessment = tr(*ASSESSMENT_LABELS[Assessment(event.assessment)], lang)
            # A timed-out default is not something the trainee said: name it as what followed the timeout.
            who = w["default"] if event.timed_out else w["you"]
            out.append(
                f"{stamp} → {who}: {t(choice.text)}  [{event.step} · {assessment} · {event.seconds:.1f} s]"
            )
            if choice.perspective is not None:
                out.append(f"           ({w['perspective']}: {t(choice.perspective)})")
        elif isinstance(event, EndingReached):
            node = scenario.nodes[event.node]
            assert isinstance(node, EndingNode)
            outcome = tr(*OUTCOME_LABELS[Outcome(event.outcome)], lang)
            out.append(f"{stamp} === {w['ending']}: {t(node.title)} ({outcome}) ===")
            out.append(f"  {t(node.summary)}")
        elif isinstance(event, ReflectionAnswered):
            question = next(q for q in scenario.reflection if q.id == event.question)
            out.append(f"{stamp} {w['reflection']} ({event.step}): {t(question.text)}")
            out.append(f"  > {event.answer}")
        elif isinstance(event, RevoteCast):
            voted = next(
                (c for cid, _s, c, _p in node_choices(scenario, event.node) if cid == event.choice), None
            )
            said = t(voted.text) if voted is not None else event.choice
            assessment = tr(*ASSESSMENT_LABELS[Assessment(event.assessment)], lang)
            out.append(f"{stamp} {w['revote']} {event.node}: {said}  [{event.step} · {assessment}]")
        elif isinstance(event, RegistrationMade):
            basis = tr(*LEGAL_BASIS_LABELS[LegalBasis(event.legal_basis)], lang)
            outcome = tr(*OUTCOME_LABELS[Outcome(event.outcome)], lang)
            grounds = ", ".join(event.grounds) or w["none"]
            out.append(
                f"{stamp} {w['registration']}: {w['grounds']} {grounds}; {w['basis']} {basis}; "
                f"{w['outcome']} {outcome}; {w['reason']}: {event.reason}"
            )
    return out
