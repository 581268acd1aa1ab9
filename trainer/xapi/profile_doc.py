"""The profile as a JSON-LD document per the xAPI Profiles specification 1.0: concepts, statement templates.

Generated from `trainer.xapi.profile`, so the document and the statements cannot disagree; the committed copy
is docs/xapi/profile.jsonld (`pytest --update-goldens` rewrites it deliberately).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from trainer.xapi import profile as p

PROFILES_CONTEXT = "https://w3id.org/xapi/profiles/context"
PROFILES_CONFORMS_TO = "https://w3id.org/xapi/profiles#1.0"


def _words(pair: tuple[str, str]) -> dict[str, str]:
    return {"nl": pair[0], "en": pair[1]}


def context_extension(concept: p.Concept) -> str:
    return f"$.context.extensions['{concept.iri}']"


def result_extension(concept: p.Concept) -> str:
    return f"$.result.extensions['{concept.iri}']"


@dataclass(frozen=True)
class Template:
    """What every statement of one kind carries: its verb, its object's type and the locations it includes."""

    name: str
    verb: p.Concept
    object_type: p.Concept
    label: tuple[str, str]
    included: tuple[str, ...]
    in_scenario: bool = True  # the scenario is the statement's parent activity

    @property
    def iri(self) -> str:
        return f"{p.BASE}templates/{self.name}"


_ALWAYS = ("$.context.registration", "$.timestamp", context_extension(p.SCENARIO_VERSION))
_CHOICE = (context_extension(p.KADER_STEP), context_extension(p.ASSESSMENT), "$.result.response")

TEMPLATES: tuple[Template, ...] = (
    Template(
        "session-started",
        p.STARTED,
        p.SCENARIO,
        ("een sessie begint", "a session starts"),
        (*_ALWAYS, context_extension(p.PACE)),
        in_scenario=False,
    ),
    Template(
        "choice",
        p.CHOSE,
        p.DECISION_POINT,
        ("een keuze", "a choice"),
        (*_ALWAYS, *_CHOICE, "$.result.duration"),
    ),
    Template(
        "timeout", p.TIMED_OUT, p.DECISION_POINT, ("de tijd is om", "time ran out"), (*_ALWAYS, *_CHOICE)
    ),
    Template(
        "ending",
        p.REACHED,
        p.ENDING,
        ("een einde", "an ending"),
        (*_ALWAYS, result_extension(p.OUTCOME)),
    ),
    Template(
        "reflection",
        p.REFLECTED,
        p.REFLECTION_QUESTION,
        ("een reflectie", "a reflection"),
        (*_ALWAYS, context_extension(p.KADER_STEP)),
    ),
    Template(
        "registration",
        p.REGISTERED,
        p.REGISTRATION_FORM,
        ("een registratie", "a registration"),
        (
            *_ALWAYS,
            context_extension(p.GROUNDS),
            context_extension(p.LEGAL_POWER),
            result_extension(p.OUTCOME),
        ),
    ),
    Template("revote", p.REVOTED, p.DECISION_POINT, ("een nieuwe stem", "a revote"), (*_ALWAYS, *_CHOICE)),
    Template(
        "session-terminated",
        p.TERMINATED,
        p.SCENARIO,
        ("een sessie eindigt", "a session ends"),
        (*_ALWAYS, "$.result.duration", "$.result.completion"),
        in_scenario=False,
    ),
)
TEMPLATE_BY_VERB: dict[str, Template] = {t.verb.iri: t for t in TEMPLATES}


def _concept(concept: p.Concept) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": concept.iri,
        "type": concept.kind,
        "inScheme": p.PROFILE_VERSION,
        "prefLabel": _words(concept.label),
        "definition": _words(concept.definition),
    }
    if concept.exact_match:
        doc["exactMatch"] = list(concept.exact_match)
    if concept.schema is not None:
        doc["inlineSchema"] = json.dumps(concept.schema, ensure_ascii=False, sort_keys=True)
    return doc


def _template(template: Template) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": template.iri,
        "type": "StatementTemplate",
        "inScheme": p.PROFILE_VERSION,
        "prefLabel": _words(template.label),
        "definition": _words(template.verb.definition),
        "verb": template.verb.iri,
        "objectActivityType": template.object_type.iri,
        "rules": [{"location": location, "presence": "included"} for location in template.included],
    }
    if template.in_scenario:
        doc["contextParentActivityType"] = [p.SCENARIO.iri]
    return doc


@dataclass(frozen=True)
class Pattern:
    """A pattern of the profile: `kind` is sequence, alternates, oneOrMore, zeroOrMore or optional; members
    are template or pattern names. Statements that name the profile in their category must follow one (the
    Profiles spec), so a session's statements are described as one primary pattern."""

    name: str
    kind: str
    members: tuple[str, ...]
    label: tuple[str, str] | None = None

    @property
    def iri(self) -> str:
        return f"{p.BASE}patterns/{self.name}"


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "session",
        "sequence",
        (
            "session-started",
            "decisions",
            "ending",
            "reflections",
            "registration",
            "session-terminated",
            "revotes",
        ),
        (
            "een sessie: begin, beslismomenten, einde, reflecties, registratie, afsluiting en de nieuwe "
            "stemmen uit het groepsgesprek; een onafgemaakte sessie is het begin hiervan",
            "a session: start, decision points, ending, reflections, registration, end and the revotes from "
            "the group discussion; an unfinished session is the beginning of this",
        ),
    ),
    Pattern("decisions", "oneOrMore", ("decision",)),
    Pattern("decision", "alternates", ("choice", "timeout")),
    Pattern("reflections", "zeroOrMore", ("reflection",)),
    Pattern("revotes", "zeroOrMore", ("revote",)),
)


def _pattern(pattern: Pattern) -> dict[str, Any]:
    names = {t.name: t.iri for t in TEMPLATES} | {q.name: q.iri for q in PATTERNS}
    members = [names[m] for m in pattern.members]
    doc: dict[str, Any] = {"id": pattern.iri, "type": "Pattern", "inScheme": p.PROFILE_VERSION}
    if pattern.label is not None:
        doc |= {"primary": True, "prefLabel": _words(pattern.label), "definition": _words(pattern.label)}
    doc[pattern.kind] = members if pattern.kind in ("sequence", "alternates") else members[0]
    return doc


def profile_document() -> dict[str, Any]:
    """The whole profile, ready for json.dumps."""
    return {
        "@context": PROFILES_CONTEXT,
        "id": p.PROFILE_ID,
        "type": "Profile",
        "conformsTo": PROFILES_CONFORMS_TO,
        "prefLabel": _words(("Professioneel controleren", "Professional stops (professioneel controleren)")),
        "definition": _words(
            (
                "Wat een trainee in de scenariotrainer professioneel controleren deed: straatcontroles "
                "zonder etnisch profileren, elke keuze bij een stap van het handelingskader (selecteren, "
                "uitleggen, bejegenen, reflecteren). De actor is een pseudonieme trainee-code, nooit "
                "een naam.",
                "What a trainee did in the professioneel controleren scenario trainer: street stops without "
                "ethnic profiling, every choice against a step of the handelingskader (selecting, "
                "explaining, treatment, reflecting). The actor is a pseudonymous trainee code, never a name.",
            )
        ),
        "versions": [{"id": p.PROFILE_VERSION, "generatedAtTime": p.PROFILE_VERSION_DATE}],
        "author": {"type": "Organization", "name": "trainer (scenariotrainer professioneel controleren)"},
        "concepts": [_concept(c) for c in p.CONCEPTS],
        "templates": [_template(t) for t in TEMPLATES],
        "patterns": [_pattern(q) for q in PATTERNS],
    }


def profile_json() -> str:
    """The committed text of docs/xapi/profile.jsonld."""
    return json.dumps(profile_document(), ensure_ascii=False, indent=2) + "\n"
