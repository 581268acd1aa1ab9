"""Observation-plus-question prompts for a hittepunt, written from what the group actually chose.

The style is advocacy-inquiry from simulation debriefing: "Ik zag X; ik denk Y; hoe zag jij dat?". Prompts
talk about choices and considerations, never about a named trainee. Candidates, most telling first:

1. trigger   the most chosen option whose real trigger holds a non-objective ground (the Hof's test)
2. split     the group went more than one way
3. away      the most chosen option that is debatable or not in line (not already discussed under 1)
4. timeouts  the timer decided for some
5. unchosen  an option in line with the kader that nobody took
6. unanimous everyone chose alike

A timeout is not a choice: an option the timer picked is said to have followed from the timer. Below
hittepunten.SMALL people the prompts give no per-option counts and ask about the option, never about "the one
who chose it".
"""

from __future__ import annotations

from debrief.hittepunten import SMALL
from debrief.sheet import DecisionPoint, Option, Prompt
from debrief.words import Words, clip

LIMIT = 2
# A prompt quotes a long option (over LONG characters) in its first QUOTE characters: the sheet prints the
# full text in the option table right below the prompts, and a short quote reads aloud better.
LONG = 80
QUOTE = 64


def _name(option: Option) -> str:
    """The option as a prompt quotes it; a long one clipped, since the sheet prints it in full right below."""
    if len(option.label) > LONG:
        short = clip(option.label.strip("‘’“”'\""), QUOTE)
        return f"‘{short}’ ({option.key})"
    if option.label[:1] in "'‘\"“":
        return f"{option.label} ({option.key})"
    return f"‘{option.label}’ ({option.key})"


def _how(option: Option, n: int, w: Words) -> str:
    """How an option came about: "3 van de 12 keer gekozen werd", the timer's part said apart."""
    if n < SMALL:
        return w("how_small_timed") if option.picked == 0 else w("how_small")
    if option.timeouts == 0:
        return w("how_picked", k=option.picked, n=n)
    if option.picked == 0:
        return w("how_timed", t=option.timeouts, n=n)
    return w("how_both", k=option.picked, t=option.timeouts, n=n)


def for_point(point: DecisionPoint, w: Words, limit: int = LIMIT) -> tuple[Prompt, ...]:
    """Up to `limit` prompts for this decision point, in the order above."""
    n = point.reached
    chosen = sorted(point.chosen, key=lambda o: (-o.count, o.key))
    out: list[Prompt] = []
    used: set[str] = set()

    trigger = next((o for o in chosen if o.prohibited_trigger), None)
    if trigger is not None:
        used.add(trigger.key)
        said = "grounds" if trigger.grounds else "said"
        out.append(
            Prompt(
                w(
                    f"p_trigger_obs_{said}",
                    option=_name(trigger),
                    how=_how(trigger, n, w),
                    grounds=", ".join(trigger.grounds),
                ),
                w(f"p_trigger_thought_{said}", trigger=", ".join(trigger.real_trigger)),
                w(
                    ("p_trigger_q_appearance" if trigger.appearance_trigger else "p_trigger_q_facts")
                    + ("_small" if n < SMALL else "")
                ),
            )
        )
    if len(chosen) >= 2:
        if n < SMALL:
            listing = ", ".join(_name(o) for o in chosen[:3])
        else:
            listing = ", ".join(
                f"{_name(o)} {o.count}×" + (f" ({w('of_which_timed', t=o.timeouts)})" if o.timeouts else "")
                for o in chosen[:3]
            )
        a, b = chosen[0], chosen[1]
        thought = (
            w(
                "p_split_thought_differ",
                a=a.key,
                assess_a=a.assessment_label,
                b=b.key,
                assess_b=b.assessment_label,
            )
            if a.assessment != b.assessment
            else w("p_split_thought_same")
        )
        out.append(
            Prompt(
                w("p_split_obs_small" if n < SMALL else "p_split_obs", listing=listing, n=n),
                thought,
                w("p_split_q_small" if n < SMALL else "p_split_q"),
            )
        )
    away = next((o for o in chosen if o.assessment != "in_lijn" and o.key not in used), None)
    if away is not None:
        used.add(away.key)
        out.append(
            Prompt(
                w("p_away_obs", option=_name(away), how=_how(away, n, w)),
                w(f"p_away_thought_{away.assessment}"),
                w("p_away_q_small" if n < SMALL else "p_away_q"),
            )
        )
    if point.timeouts:
        out.append(
            Prompt(
                w("p_timeout_obs_small") if n < SMALL else w("p_timeout_obs", t=point.timeouts, n=n),
                w("p_timeout_thought"),
                w("p_timeout_q"),
            )
        )
    unchosen = next((o for o in point.options if not o.count and o.assessment == "in_lijn"), None)
    if unchosen is not None:
        out.append(
            Prompt(w("p_unchosen_obs", option=_name(unchosen)), w("p_unchosen_thought"), w("p_unchosen_q"))
        )
    if len(chosen) == 1 and n >= SMALL:
        out.append(
            Prompt(
                w("p_unanimous_obs", option=_name(chosen[0]), n=n),
                w("p_unanimous_thought"),
                w("p_unanimous_q"),
            )
        )
    return tuple(out[:limit])
