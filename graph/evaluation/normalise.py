"""Text normalisation before matching: the same rule for gold and predicted texts.

:func:`normalise` applies Unicode NFKC, repairs the corpus's PDF mojibake only when the
text shows it, drops one leading list marker (``1.``, ``1)``, ``a.``, ``(a)``, ``i)``,
``•``, ``-``...), lower-cases, and turns every run of non-alphanumeric characters into
one space.

:func:`strip_reporting_frame` drops the frame of a reported remark ("A participant commented
that", "Mr Manthey asked whether"), so that a comment matches whether or not the frame is part
of its text; :func:`entity_key` is the form entity names are compared in (normalised, no leading
article, no years).
"""

from __future__ import annotations

import re
import unicodedata

_MOJIBAKE = str.maketrans({"ô": "’", "ó": "‘", "ñ": "“", "ò": "”", "ï": "–", "Å": "•", "¶": "•"})
# Apostrophes as in "donôt", "Projectôs", quotes as in "óvaluesô" or "ñproblem treesò".
_MOJIBAKE_SIGNATURE = re.compile(r"[a-z]ô(?:s|t|re|ve|ll|d|m)\b|ó\w[^ó\n]{0,60}ô|ñ\w[^ñ\n]{0,80}ò")
_MARKER = re.compile(
    r"^\s*(?:"
    r"\(?\d{1,2}[.)](?!\d)"  # 1.  1)  (1)
    r"|\(?[a-zA-Z][.)](?=\s)"  # a.  a)  (a)  A.
    r"|\(?(?:[ivxIVX]{1,5})[.)](?=\s)"  # i)  ii.  (iv)
    r"|[•·▪◦●○■□\-–—*¶Å]"  # bullets
    r")\s*"
)
_NON_WORD = re.compile(r"[^\w]+|_")
_REPORTING_VERBS = (
    "said|says|say|stated|states|observed|observes|commented|comments|noted|notes|asked|asks|added|adds"
    "|suggested|suggests|stressed|stresses|remarked|remarks|explained|explains|replied|replies|responded"
    "|responds|answered|answers|pointed out|points out|argued|argues|wondered|wonders|agreed|agrees"
    "|felt|feels|thought|thinks|proposed|proposes|recommended|recommends|emphasised|emphasized"
    "|emphasises|emphasizes|mentioned|mentions|warned|warns|urged|urges|questioned|questions"
    "|reminded participants|reminded|cautioned|concluded|concludes|insisted|insists|highlighted"
    "|highlights|underlined|underlines|reported|reports|queried|queries|clarified|clarifies"
)
# Up to 80 characters of speaker ("A participant", "The chair, Colonel Dr Phengsavanh,"), a
# reporting verb, then "that", "whether" or "if" when present.
_REPORTING_FRAME = re.compile(
    r"^[^.;:?!“”\"]{0,80}?\b(?:" + _REPORTING_VERBS + r")\b(?:\s+(?:that|whether|if)\b)?[\s,:]*",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DANGLING = re.compile(r"(?:\s+(?:for|of|in|from|and|to|on))+$")


def repair_mojibake(text: str) -> str:
    """Repair the corpus's PDF-font mojibake, only when the text shows its signature."""
    if _MOJIBAKE_SIGNATURE.search(text):
        return text.translate(_MOJIBAKE)
    return text


def strip_marker(text: str) -> str:
    """Drop one leading list marker such as ``1.``, ``a)``, ``(iv)``, ``•`` or ``-``."""
    return _MARKER.sub("", text, count=1)


def normalise(text: str | None) -> str:
    """Lower-case words and digits, single-spaced; see the module docstring."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = repair_mojibake(text)
    text = strip_marker(text)
    text = _NON_WORD.sub(" ", text.lower())
    return " ".join(text.split())


def strip_reporting_frame(text: str) -> str:
    """`text` without its reporting frame ("Mr Manthey suggested that ..."), if it has one."""
    stripped = _REPORTING_FRAME.sub("", text, count=1)
    return stripped if stripped.strip() else text


def entity_key(name: str | None) -> str:
    """An entity name as compared: normalised, without a leading "the", "a" or "an", and
    without years (a year is the entity's ``year``, not its name: "National Plan of Action for
    2011–2015" is keyed "national plan of action")."""
    key = _LEADING_ARTICLE.sub("", normalise(name))
    key = " ".join(_YEAR.sub(" ", key).split())
    return _DANGLING.sub("", key)
