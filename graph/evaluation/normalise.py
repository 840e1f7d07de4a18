"""Text normalisation before matching: the same rule for gold and predicted texts.

:func:`normalise` applies Unicode NFKC, repairs the corpus's PDF mojibake only when the
text shows it, drops one leading list marker (``1.``, ``1)``, ``a.``, ``(a)``, ``i)``,
``•``, ``-``...), lower-cases, and turns every run of non-alphanumeric characters into
one space.
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
