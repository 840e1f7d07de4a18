"""Explicit causal cues: the vocabulary, its directions, and a string splitter for text without a parse.

"X leads to Y" means X causes Y (``forward``); "X is driven by Y" means Y causes X (``backward``).

The cue vocabulary below (verbs with their particles, causative verbs, nouns, prepositions,
connectives) is read by two splitters:

- :func:`graph.ingest.extract.phrases.causal_pairs` reads it on the dependency parse and returns
  the cause and the effect as phrases: what extraction uses whenever the model has a parser;
- :func:`split_causal` here, pure functions over plain strings, for the rule-only fallback
  (``spacy.blank``) where there is no parse.

To add a cue: put the word in the vocabulary with its direction, add the pattern to ``_CUES`` for
the string splitter, and add ``(text, expected)`` cases to ``tests/test_extract_phrases.py`` and
``tests/test_ingest_causal.py``, the negated and hypothetical forms included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["forward", "backward"]

# ---- the vocabulary (lemmas and lower-case words) ----------------------------------------------------
# "X leads to Y", "X results in Y", "X contributes to Y", "X gives rise to Y": X causes Y.
FORWARD_PARTICLE_VERBS: dict[str, tuple[str, ...]] = {
    "lead": ("to",), "result": ("in",), "contribute": ("to",), "give": ("rise", "to"),
}
# "Y stems from X", "Y arises from X", "Y results from X": X causes Y.
BACKWARD_PARTICLE_VERBS: dict[str, tuple[str, ...]] = {
    "stem": ("from",), "arise": ("from",), "result": ("from",), "derive": ("from",), "spring": ("from",),
}
# "X causes Y", "X triggered Y", "X sparked Y", "X prompted Y to …"; passive and post-nominal with "by".
STRICT_CAUSATIVE_VERBS = frozenset({"cause", "trigger", "spark", "prompt", "provoke"})
# Causal only when a thing, not a person, is the subject: "the shortage creates demand".
LOOSE_CAUSATIVE_VERBS = frozenset({"fuel", "drive", "create", "allow", "sustain", "push", "generate"})
# Causal with an object and what it becomes: "left families in debt", "keeps wages low", "make people want to go".
RESULTATIVE_VERBS = frozenset({"leave", "keep", "make", "render"})
# "X is the main cause of Y", "a push factor for Y", "one of the triggers for Y", "the driving force behind Y".
FORWARD_NOUNS = frozenset({"cause", "driver", "trigger", "source", "reason", "factor", "force", "root"})
# "X provides a lure for Y", "X creates an incentive for Y to …": X causes Y.
INCENTIVE_NOUNS = frozenset({"lure", "incentive", "impetus", "motivation", "catalyst"})
INCENTIVE_VERBS = frozenset({"provide", "offer", "create", "give", "be", "serve", "act", "constitute"})
# "Y is the result of X", "the outcome of X", "a consequence of X"; "The result is Y" points back.
BACKWARD_NOUNS = frozenset({"result", "outcome", "consequence", "product", "effect"})
# "Y due to X", "Because of X, Y", "thanks to X"; "…, due to which Y" and "…, as a result of which Y" point forward.
BACKWARD_PREPOSITIONS: tuple[tuple[str, ...], ...] = (
    ("as", "a", "direct", "result", "of"), ("as", "a", "result", "of"), ("as", "a", "consequence", "of"),
    ("on", "account", "of"), ("due", "to"), ("because", "of"), ("owing", "to"), ("thanks", "to"),
)
# "X, so Y", "X; hence Y", "X, thus Y", "X, thereby Y", "X, which in turn Y"; sentence-initial they point back.
CONNECTIVES: tuple[tuple[str, ...], ...] = (
    ("with", "the", "result", "that"), ("as", "a", "result"), ("as", "a", "consequence"), ("in", "turn"),
    ("consequently",), ("therefore",), ("thereby",), ("thus",), ("hence",), ("accordingly",), ("so",),
)
# A phrase that only points at the statement before: "This leads to …", "These problems result in …".
ANAPHOR = r"(?:this|these|that|those|it|they|which)(?:\s+(?:problems?|issues?|situations?|lack|gaps?|in turn))?"

# Longer cues first so "resulting in" wins over "result".
_CUES: tuple[tuple[str, Direction], ...] = (
    (r"which in turn (?:leads?|led) to", "forward"),
    (r"which in turn", "forward"),
    (r"(?:due to|as a (?:direct )?result of|as a consequence of|because of) which", "forward"),
    (r"(?:is|are|was|were) (?:also |often )?(?:the |a |an )?(?:direct |main |inevitable )?"
     r"(?:results?|outcomes?|consequences?|products?) of", "backward"),
    (r"(?:is|are|was|were) (?:also )?one of the (?:main |key |major )?(?:triggers|causes|drivers) (?:of|for|behind)",
     "forward"),
    (r"(?:is|are|was|were) (?:also |often )?(?:a|the|one) (?:main |major |key |big )?triggers? (?:of|for)", "forward"),
    (r"(?:is|are|was|were) (?:mainly |largely |partly |often )?(?:triggered|sparked|prompted) by", "backward"),
    (r"(?:triggered|sparked|prompted|caused) by", "backward"),
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
    (r"(?:is|are|was|were) (?:therefore |also |often )?(?:a|the|one) (?:main |major |key |big |root |leading )?"
     r"(?:causes?|drivers?) of", "forward"),
    (r"(?:causes|caused|causing)", "forward"),
    (r"(?:triggers|triggered|triggering|sparks|sparked|sparking|prompts|prompted|prompting)", "forward"),
    (r"has led|have led", "forward"),
    (r"(?:, and thereby|and thereby|thereby)", "forward"),
    (r"(?:may |might |is |are |was |were )?(?:mainly |largely |partly )?due to", "backward"),
    (r"because of", "backward"),
    (r"because", "backward"),
    (r"owing to", "backward"),
    (r"thanks to", "backward"),
    (r"so that", "forward"),
    (r"(?:, so|; so|, and so)", "forward"),
    (r"so(?= (?:it|they|there|this|that|the|people|victims|many|most|some|workers|families)\b)", "forward"),
    (r"(?:, thereby|, therefore|; therefore|, hence|; hence|, thus|; thus|, and thus|, and hence)", "forward"),
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
_COMPILED = tuple(
    (re.compile(rf"^(?:{pattern})$", re.IGNORECASE), direction) for pattern, direction in _CUES + _VERB_CUES
)
_LEADING_RESULT = re.compile(
    r"^(?:sometimes,?\s+|often,?\s+)?(?P<cue>as a (?:result|consequence)|consequently|therefore|hence|thus"
    r"|the (?:result|outcome|consequence) (?:is|was))\s*,?\s*",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno longer)\s+$", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"^(?:this|these|that|it|they|which)(?:\s+(?:problem|issue|situation|lack|gap|in turn))?$", re.IGNORECASE
)
_TRIM_LEFT = re.compile(
    r"^(?:[,;:\s]|and\b|but\b|which\b|that\b|however\b|also\b|thus\b|so\b|in turn\b)+", re.IGNORECASE
)
_TRIM_RIGHT = re.compile(
    r"(?:[,;:.\s]|\b(?:may|might|can|could|will|would|is|are|was|were|mainly|largely|partly|also|and|which|often"
    r"|only|both))+$",
    re.IGNORECASE,
)


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
            pairs.append(CausalPair(Clause(0, 0, anaphoric=True), Clause(start, end), leading.group("cue")))
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
