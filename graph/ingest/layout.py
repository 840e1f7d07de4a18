"""Line-level layout cues shared by cleaning and structure: list markers and heading shape.

Reports of this genre come from Word documents exported to PDF, so headings carry no markup and
lists carry whatever marker the author typed. These predicates generalise over the genre rather
than any one report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|x)"
# Letters and roman numerals keep their case in the style: "a." under "A." opens a sub-list.
MarkerStyle = Literal["number", "roman-lower", "roman-upper", "letter-lower", "letter-upper", "bullet"]
_MarkerFamily = Literal["number", "roman", "letter", "bullet"]
_CASED: dict[tuple[_MarkerFamily, bool], MarkerStyle] = {
    ("roman", False): "roman-lower",
    ("roman", True): "roman-upper",
    ("letter", False): "letter-lower",
    ("letter", True): "letter-upper",
}

# Order matters: roman numerals before single letters, so "i)" is roman and "a)" is a letter.
_MARKERS: tuple[tuple[_MarkerFamily, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^\(?(\d{1,2})[.)](?!\d)\s+")),
    ("roman", re.compile(rf"^\(?({ROMAN})[.)]\s+", re.IGNORECASE)),
    ("letter", re.compile(r"^\(?([a-zA-Z])[.)]\s+")),
    ("bullet", re.compile(r"^([•·▪◦‣∙●○■□➢►▸✓✔*¶Å]|[-–—](?=\s)|o(?=\s{1,3}[A-Z]))\s*")),
)
GROUP_NAME = (
    r"(?:working\s+|breakout\s+|break-out\s+|discussion\s+|focus\s+|small\s+)?(?:group|table|team)\s+"
    r"(?:\d{1,2}|[IVX]{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|[A-H]|alpha|beta|gamma|delta|epsilon)"
)
_GROUP_START = re.compile(rf"^{GROUP_NAME}(?:\s*$|\s*[:\-–—(]|\s+(?:vision|results?|problem)\b)", re.IGNORECASE)
# The labelled parts of a tree, vision or results map: "Core problem:", "Root causes -", "Vision:".
LABEL_WORDS = (
    r"core problems?|central problems?|main problems?|focal problems?|problem statement|trunk(?: of the tree)?"
    r"|root causes?|underlying causes?|immediate causes?|direct causes?|causes?"
    r"|effects?|consequences?|impacts?|vision(?: statement)?|expected results?|results?|outcomes?"
    r"|priority problems?|priorities"
)
LABEL_PATTERN = re.compile(rf"^(?P<label>{LABEL_WORDS})\s*(?:\([^)]*\))?\s*[:\-–—]\s*(?P<rest>.*)$", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\s+(?=[A-Z])")
_TERMINAL = re.compile(r"[.!?;:,)\]”\"’'…]\s*$")
_WORD = re.compile(r"[A-Za-z][\w'’&/-]*")
_MINOR_WORDS = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "vs", "&",
}


@dataclass(frozen=True)
class Marker:
    style: MarkerStyle
    label: str
    length: int  # characters the marker takes, including trailing space

    @property
    def ordinal(self) -> int | None:
        if self.style == "number":
            return int(self.label)
        if self.style in ("roman-lower", "roman-upper"):
            return roman_value(self.label)
        if self.style in ("letter-lower", "letter-upper"):
            return ord(self.label.lower()) - ord("a") + 1
        return None


def find_marker(line: str) -> Marker | None:
    """The list marker that opens a line, if any."""
    for family, pattern in _MARKERS:
        match = pattern.match(line)
        if not match:
            continue
        label = match.group(1)
        if family == "letter" and not _plausible_letter_item(line, match.end()):
            continue
        if family == "roman" and label.lower() in ("i",) and not _plausible_letter_item(line, match.end()):
            continue
        style: MarkerStyle
        if family == "number" or family == "bullet":
            style = family
        else:
            style = _CASED[(family, label.isupper())]
        return Marker(style, label, match.end())
    return None


def _plausible_letter_item(line: str, end: int) -> bool:
    # "A. Smith said" or "I. " style cases are rare; require item text after the marker.
    return len(line) > end and not line[end:end + 1].isspace()


def roman_value(label: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total, previous = 0, 0
    for char in reversed(label.lower()):
        value = values[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def strip_section_number(line: str) -> str:
    return _SECTION_NUMBER.sub("", line)


def ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line))


def is_title_like(text: str) -> bool:
    """Short, unpunctuated and mostly capitalised: the shape of an unmarked heading."""
    text = strip_section_number(text.strip())
    if not text or len(text) > 90 or text[-1] in ".;,":
        return False
    if text.endswith(":") and len(text.split()) > 6:
        return False
    words = _WORD.findall(text)
    if not words or len(words) > 10 or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.isupper():
        return True
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.6 or len(words) <= 4


def starts_label(line: str) -> bool:
    """"Vision: ...", "Root causes:", "Effects -": a labelled part of a tree, vision or results map."""
    return bool(LABEL_PATTERN.match(line))


def looks_like_group_heading(line: str) -> bool:
    return bool(_GROUP_START.match(strip_section_number(line.strip())))
