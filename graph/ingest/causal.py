"""Explicit causal statements: split a sentence at its causal cues into cause and effect clauses.

Pure functions over plain strings, so the direction rules are easy to test. "X leads to Y" means
X causes Y; "X is driven by Y" means Y causes X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["forward", "backward"]

# Longer cues first so "resulting in" wins over "result".
_CUES: tuple[tuple[str, Direction], ...] = (
    (r"which in turn (?:leads?|led) to", "forward"),
    (r"which in turn", "forward"),
    (r"(?:is|are|was|were) (?:a |the )?(?:main |major |key |big )?push factors? (?:for|of|behind)", "forward"),
    (r"(?:is|are|was|were) (?:mainly |largely |partly |often )?driven by", "backward"),
    (r"(?:is|are|was|were) (?:mainly |largely |partly |often )?caused by", "backward"),
    (r"as a result of", "backward"),
    (r"as a consequence of", "backward"),
    (r"(?:stems?|stemmed|stemming|arises?|arising|results?|resulting) from", "backward"),
    (r"(?:leads?|led|leading) to", "forward"),
    (r"(?:results?|resulted|resulting) in", "forward"),
    (r"(?:contributes?|contributed|contributing) to", "forward"),
    (r"gives? rise to", "forward"),
    (r"(?:is|are|was|were) (?:therefore |also |often )?(?:a|the|one) (?:main |major |key |big |root |leading )?(?:causes?|drivers?) of", "forward"),
    (r"(?:causes|caused)", "forward"),
    (r"(?:, and thereby|and thereby|thereby)", "forward"),
    (r"(?:may |might |is |are |was |were )?(?:mainly |largely |partly )?due to", "backward"),
    (r"because of", "backward"),
    (r"because", "backward"),
    (r"owing to", "backward"),
    (r"so that", "forward"),
    (r"(?:, so|; so|, and so)", "forward"),
    (r"so(?= (?:it|they|there|this|that|the|people|victims|many|most|some|workers|families)\b)", "forward"),
    (r"(?:, thereby|, therefore|; therefore|, hence|; hence)", "forward"),
)
# Verbs that state a cause in a problem tree but too often mean something else in a list of problems.
_VERB_CUES: tuple[tuple[str, Direction], ...] = (
    (r"(?:fuels?|fuelled|fueled|fuelling|fueling|drives|drove|pushes|pushed|creates?|created|creating|allows?|allowed"
     r"|sustains?|sustained|sustaining|prevents?|prevented)", "forward"),
)


def _cue_pattern(cues: tuple[tuple[str, Direction], ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?:(?<![\w-])|(?=[,;]))(?P<cue>" + "|".join(f"(?:{pattern})" for pattern, _ in cues) + r")(?![\w-])",
        re.IGNORECASE,
    )


_CUE_PATTERN = _cue_pattern(_CUES)
_TREE_CUE_PATTERN = _cue_pattern(_CUES + _VERB_CUES)
_COMPILED = tuple((re.compile(rf"^(?:{pattern})$", re.IGNORECASE), direction) for pattern, direction in _CUES + _VERB_CUES)
_LEADING_RESULT = re.compile(r"^(?:as a (?:result|consequence)|consequently|therefore|hence|thus)\s*,?\s*", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno longer)\s+$", re.IGNORECASE)
_ANAPHOR = re.compile(r"^(?:this|these|that|it|they|which)(?:\s+(?:problem|issue|situation|lack|gap|in turn))?$", re.IGNORECASE)
_TRIM_LEFT = re.compile(r"^(?:[,;:\s]|and\b|but\b|which\b|that\b|however\b|also\b|thus\b|so\b|in turn\b)+", re.IGNORECASE)
_TRIM_RIGHT = re.compile(r"(?:[,;:.\s]|\b(?:may|might|can|could|will|would|is|are|was|were|mainly|largely|partly|also|and|which|often|only|both))+$", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    start: int  # offsets within the sentence
    end: int
    anaphoric: bool = False  # "This leads to ...": the cause is the statement before


@dataclass(frozen=True)
class CausalPair:
    cause: Clause
    effect: Clause
    cue: str


def _direction(cue: str) -> Direction:
    normalised = " ".join(cue.split())
    for pattern, direction in _COMPILED:
        if pattern.match(normalised):
            return direction
    return "forward"


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    segment = sentence[start:end]
    left = _TRIM_LEFT.match(segment)
    if left:
        start += left.end()
    segment = sentence[start:end]
    right = _TRIM_RIGHT.search(segment)
    if right and right.start() > 0:
        end = start + right.start()
    return start, end


def split_causal(sentence: str, *, causal_verbs: bool = False) -> list[CausalPair]:
    """Cause→effect pairs stated in a sentence, with offsets into it. A chain A→B→C gives two pairs.

    `causal_verbs` also reads verbs such as "fuels", "creates" or "allows" as cues: right in a
    problem tree, where every sentence is about causes, too loose elsewhere.
    """
    if sentence.lstrip().lower().startswith(("if ", "whether ")):
        return []  # hypotheticals state no cause
    leading = _LEADING_RESULT.match(sentence)
    cuts: list[tuple[int, int, str]] = []
    clause_floor = 0  # where the clause after a negated claim may start
    for match in (_TREE_CUE_PATTERN if causal_verbs else _CUE_PATTERN).finditer(sentence):
        if re.search(r"\bto\s+$", sentence[: match.start()]):
            continue  # "to create an information centre" is a purpose, not a cause
        if _NEGATED.search(sentence[: match.start()]):
            joint = re.compile(r",?\s+(?:but|while|whereas|and)\s+|;\s*").search(sentence, match.end())
            clause_floor = joint.end() if joint else len(sentence)
            continue
        cuts.append((match.start(), match.end(), match.group("cue")))
    pairs: list[CausalPair] = []
    if leading and not cuts:
        start, end = _trim(sentence, leading.end(), len(sentence))
        if end - start > 3:
            pairs.append(CausalPair(Clause(0, 0, anaphoric=True), Clause(start, end), leading.group(0).strip(" ,")))
        return pairs
    if not cuts:
        return []
    first_start, first_end, first_cue = cuts[0]
    opening = sentence[:first_start].strip().lower()
    if opening in ("", "and", "but", "so", "yet", "also") and _direction(first_cue) == "backward":
        # "Because of X, Y" / "Due to X, Y": the cause runs to the first comma.
        comma = sentence.find(",", first_end)
        if comma < 0:
            return []
        cause_clause = Clause(*_trim(sentence, first_end, comma))
        effect_clause = Clause(*_trim(sentence, comma + 1, len(sentence)))
        if _too_short(sentence, cause_clause) or _too_short(sentence, effect_clause):
            return []
        return [CausalPair(cause_clause, effect_clause, " ".join(first_cue.split()))]
    cuts = [cut for cut in cuts if cut[0] >= clause_floor] if clause_floor else cuts
    if not cuts:
        return []
    bounds = [clause_floor] + [c for cut in cuts for c in cut[:2]] + [len(sentence)]
    clauses: list[Clause] = []
    for index in range(0, len(bounds), 2):
        start, end = _trim(sentence, bounds[index], bounds[index + 1])
        text = sentence[start:end].strip()
        clauses.append(Clause(start, end, anaphoric=bool(_ANAPHOR.match(text)) or not text))
    for index, (_, _, cue) in enumerate(cuts):
        left, right = clauses[index], clauses[index + 1]
        if right.anaphoric or _too_short(sentence, right) or (not left.anaphoric and _too_short(sentence, left)):
            continue
        cause, effect = (left, right) if _direction(cue) == "forward" else (right, left)
        pairs.append(CausalPair(cause, effect, " ".join(cue.strip(" ,;").split())))
    return pairs


def _too_short(sentence: str, clause: Clause) -> bool:
    return not any(len(word) >= 4 for word in re.findall(r"[A-Za-z]+", sentence[clause.start:clause.end]))
