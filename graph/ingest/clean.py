"""Cleaning: raw pages in, one logical line per paragraph, list item or heading out.

Removes page furniture (page numbers, running headers and footers, footnote bodies, photo
captions), repairs the PDF font-map mojibake when a document shows its signature, and unwraps
lines. Every offset into the cleaned text maps back to its page and raw line.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from graph.ingest.errors import LimitExceeded
from graph.ingest.layout import (
    Marker,
    ends_sentence,
    find_marker,
    is_title_like,
    looks_like_group_heading,
    starts_label,
)
from graph.ingest.read import RawDocument

# Characters as they appear in a document whose font map shifted MacRoman codes by 31.
MOJIBAKE_PUNCTUATION = {"ñ": "“", "ò": "”", "ó": "‘", "ô": "’", "ï": "–", "ð": "—", "è": "…"}
MOJIBAKE_BULLETS = ("Å", "¶")
# English contractions and possessives written with the shifted apostrophe: donôt, groupôs.
_MOJIBAKE_SIGNATURE = re.compile(r"[A-Za-z]ô(?:s|t|ll|re|ve|d|m)\b|ñ[A-Za-z][^ñò\n]{0,120}ò")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
                          re.IGNORECASE)
_FOOTNOTE_RULE = re.compile(r"^(?:\s{10,}|\s*[_\-–—]{5,}\s*)$")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,3}(?=\s+\S)|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?=\s*\S))")
_CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|pictured|caption|group photo"
    r"|(?<!full )(?<!whole )(?<!clear )(?<!clearer )(?<!bigger )(?<!overall )(?<!complete )picture)\b"
    r"|\baddress(?:es|ing) (?:the )?participants\b"
    r"|\bduring the (?:consultation|workshop|meeting|session)(?: event)?\s*\.?$"
    r"|^(?:the )?participants? (?:discuss|debate|gather|listen|present|share|pose|attend|take part)\w*\b[^.!?]*$"
    r"|^(?:figure|fig\.|image|photo)\s*\d*\s*[:.\-–]",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")
_CAPTION_PREFIX = re.compile(r"^\s*(?:photo(?:graph)?|figure|fig\.|image|picture|caption)\s*\d*\s*[:.\-–—]\s",
                             re.IGNORECASE)


# A paragraph, list item or heading longer than this is not a report's: refused, not parsed (the
# parser's memory grows with a block's length, and spaCy refuses texts over 1,000,000 characters).
MAX_PARAGRAPH_CHARS = 100_000


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    page: int | None


@dataclass(frozen=True)
class LogicalLine:
    """A paragraph, list item or heading, unwrapped. `start`/`end` index the cleaned text."""

    text: str
    start: int
    end: int
    page: int | None
    raw_line: int
    paragraph_start: bool  # a blank line or page furniture separated it from the line before


@dataclass(frozen=True)
class CleanText:
    text: str
    lines: tuple[LogicalLine, ...]
    footnotes: tuple[Footnote, ...]
    repaired_mojibake: bool
    dropped: dict[str, int] = field(default_factory=dict)

    def page_at(self, offset: int) -> int | None:
        starts = [line.start for line in self.lines]
        index = bisect.bisect_right(starts, offset) - 1
        return self.lines[index].page if index >= 0 else None


@dataclass
class _RawLine:
    text: str
    page: int | None
    number: int
    page_start: bool = False


def has_mojibake_signature(text: str) -> bool:
    """True when the text shows the shifted-apostrophe signature, not merely a real ñ/ó/ô."""
    return len(_MOJIBAKE_SIGNATURE.findall(text)) >= 3


def repair_mojibake(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped[:1] in MOJIBAKE_BULLETS:
            line = line[: len(line) - len(stripped)] + "•" + stripped[1:]
        lines.append(line)
    repaired = "\n".join(lines)
    return repaired.translate(str.maketrans(MOJIBAKE_PUNCTUATION))


def clean(document: RawDocument) -> CleanText:
    pages = list(document.pages)
    full = "\n".join(pages)
    repaired = has_mojibake_signature(full)
    if repaired:
        pages = [repair_mojibake(page) for page in pages]

    dropped: Counter[str] = Counter()
    raw = _raw_lines(pages, document.has_page_numbers)
    raw = _drop_double_spacing(raw)
    if not document.has_page_numbers:
        _infer_page_breaks(raw)
    raw, footnotes = _split_footnotes(raw, dropped)
    raw = _drop_page_numbers(raw, dropped)
    raw = _drop_running_furniture(raw, dropped)
    raw = _drop_captions(raw, dropped)
    raw = _drop_footnote_markers(raw, {f.number for f in footnotes})
    lines = _unwrap(raw, document.source)
    return CleanText(
        text="\n".join(line.text for line in lines),
        lines=tuple(lines),
        footnotes=tuple(footnotes),
        repaired_mojibake=repaired,
        dropped=dict(dropped),
    )


def _raw_lines(pages: list[str], real_pages: bool) -> list[_RawLine]:
    lines: list[_RawLine] = []
    number = 0
    for index, page in enumerate(pages):
        page_lines = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for position, text in enumerate(page_lines):
            lines.append(_RawLine(text.rstrip("\n"), index + 1 if real_pages else None, number,
                                  page_start=position == 0 and real_pages))
            number += 1
    return lines


def _drop_double_spacing(lines: list[_RawLine]) -> list[_RawLine]:
    """Some PDF exports put an empty line after every line; there, only whitespace lines mark paragraphs."""
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    if len(content) < 10:
        return lines
    followed_by_empty = sum(1 for i in content if i + 1 < len(lines) and lines[i + 1].text == "")
    # Blank lines are spacing, not paragraph breaks, when sentences run on across them
    # or when the export marks the real breaks with whitespace-only lines.
    whitespace_breaks = sum(1 for line in lines if line.text and not line.text.strip())
    run_ons = sum(
        1 for a, b in zip(content, content[1:], strict=False)
        if b == a + 2 and not ends_sentence(lines[a].text.rstrip()) and lines[b].text.strip()[:1].islower()
    )
    if followed_by_empty / len(content) < 0.6 or (whitespace_breaks < 3 and run_ons < max(2, len(content) // 10)):
        return lines
    return [line for line in lines if line.text != "" or line.page_start]


def _infer_page_breaks(lines: list[_RawLine]) -> None:
    """In text extracted without form feeds, a page's first line keeps a single leading space."""
    content = [line for line in lines if line.text.strip()]
    indented = [line for line in content if re.match(r"^ \S", line.text)]
    if len(indented) < 2 or len(indented) > 0.1 * len(content):
        return
    page = 0 if content[0] is indented[0] else 1
    marked = {id(line) for line in indented}
    for line in lines:
        if id(line) in marked:
            page += 1
            line.page_start = True
        line.page = max(page, 1)


def _split_footnotes(lines: list[_RawLine], dropped: Counter[str]) -> tuple[list[_RawLine], list[Footnote]]:
    """A rule (a long run of spaces or underscores) followed by a numbered note starts the footnote
    bodies, which end at the next page, at the next heading, list item or label, or (in a document
    without pages) at the first line after a blank that is not a numbered note. A rule with no
    numbered note after it is only a separator: it never swallows the rest of the document."""
    kept: list[_RawLine] = []
    footnotes: list[Footnote] = []
    in_notes = False
    blank_since_note = False
    for index, line in enumerate(lines):
        if line.page_start:
            in_notes = False
        if _FOOTNOTE_RULE.match(line.text):
            following = next((later for later in lines[index + 1:index + 4] if later.text.strip()), None)
            in_notes = following is not None and bool(_FOOTNOTE_LINE.match(following.text))
            blank_since_note = False
            continue
        if not in_notes:
            kept.append(line)
            continue
        text = line.text.strip()
        if not text:
            blank_since_note = True
            continue
        numbered = _FOOTNOTE_LINE.match(line.text)
        if not numbered and (_ends_notes(text) or (line.page is None and blank_since_note)):
            in_notes = False
            kept.append(line)
            continue
        blank_since_note = False
        dropped["footnote lines"] += 1
        if numbered:
            label = numbered.group(1)
            footnotes.append(Footnote(int(label.translate(_SUPERSCRIPTS)), text[len(label):].strip(), line.page))
        elif footnotes:
            last = footnotes[-1]
            footnotes[-1] = Footnote(last.number, f"{last.text} {text}", last.page)
    return kept, footnotes


def _ends_notes(text: str) -> bool:
    """A heading, list item, label or group heading is the body again, not a footnote's continuation."""
    if find_marker(text) is not None or starts_label(text) or looks_like_group_heading(text):
        return True
    return is_title_like(text) and not text[:1].isdigit() and len(text.split()) >= 2 and not _URL.search(text)


_URL = re.compile(r"https?://|www\.", re.IGNORECASE)


def _drop_page_numbers(lines: list[_RawLine], dropped: Counter[str]) -> list[_RawLine]:
    kept = []
    for line in lines:
        if line.text.strip() and _PAGE_NUMBER.match(line.text):
            dropped["page numbers"] += 1
            _carry_page_start(line, kept, lines)
            continue
        kept.append(line)
    return kept


def _carry_page_start(removed: _RawLine, kept: list[_RawLine], lines: list[_RawLine]) -> None:
    # Removing a page's first line must not lose the page boundary it marked.
    if removed.page_start:
        following = lines.index(removed) + 1
        if following < len(lines) and lines[following].page == removed.page:
            lines[following].page_start = True


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _drop_running_furniture(lines: list[_RawLine], dropped: Counter[str]) -> list[_RawLine]:
    """Lines that repeat near the top or bottom of most pages are running headers or footers."""
    by_page: dict[int, list[_RawLine]] = {}
    for line in lines:
        if line.page is not None and line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    if len(by_page) < 3:
        return lines
    seen: Counter[str] = Counter()
    for page_lines in by_page.values():
        edges = {_furniture_key(line.text) for line in page_lines[:2] + page_lines[-2:]}
        seen.update(edges)
    threshold = max(3, len(by_page) // 2)
    furniture = {key for key, count in seen.items() if count >= threshold and len(key) <= 120}
    if not furniture:
        return lines
    kept = []
    for line in lines:
        if line.text.strip() and _furniture_key(line.text) in furniture:
            dropped["running headers and footers"] += 1
            _carry_page_start(line, kept, lines)
            continue
        kept.append(line)
    return kept


def _is_caption(lines: list[_RawLine]) -> bool:
    text = " ".join(line.text.strip() for line in lines)
    first = lines[0].text.strip()
    if not first or not first[0].isupper() or find_marker(first) or starts_label(first):
        return False  # "Core problem: ... the full picture ..." is the report's content
    if len(_WORDS.findall(text)) > 30:
        return False
    if len(lines) > 1 and not is_title_like(first) and not first.endswith(("and", ",", "&")):
        return False
    return bool(_CAPTION.search(text))


def _drop_captions(lines: list[_RawLine], dropped: Counter[str]) -> list[_RawLine]:
    """Photo captions sit alone between paragraphs, or at a page edge, even inside a list or sentence."""
    drop: set[int] = set()
    blocks = _blocks(lines)
    for start, end in blocks:
        if end - start <= 3 and _is_caption(lines[start:end]):
            drop.update(range(start, end))
            continue
        # A caption glued to the heading or paragraph that follows it.
        for size in (1, 2):
            head, following = lines[start:start + size], start + size
            if (following < end and lines[following].text.strip()[:1].isupper()
                    and not ends_sentence(head[-1].text.rstrip(" ,")) and _is_caption(head)):
                drop.update(range(start, following))
                break
    for index, line in enumerate(lines):
        # "Photo: ..." is a caption wherever it stands, even between two list items.
        if _CAPTION_PREFIX.match(line.text) and len(_WORDS.findall(line.text)) <= 40:
            drop.add(index)
            following = index + 1
            if (following < len(lines) and lines[following].text[:1].isspace()
                    and lines[following].text.strip()[:1].islower()):
                drop.add(following)
        if not line.page_start:
            continue
        # The last lines before a page break, and the first after it.
        edge = index
        while edge > 0 and not lines[edge - 1].text.strip():
            edge -= 1  # a page that ends with blank lines still ends with its caption
        for size in (3, 2, 1):
            before = edge - size
            if (before >= 0 and all(lines[i].text.strip() for i in range(before, edge))
                    and _is_caption(lines[before:edge])):
                drop.update(range(before, edge))
                break
    for index in sorted(drop):
        _carry_page_start(lines[index], [], lines)
    dropped["caption lines"] += len(drop)
    return [line for i, line in enumerate(lines) if i not in drop]


def _blocks(lines: list[_RawLine]) -> list[tuple[int, int]]:
    """Runs of non-blank lines, split at blank lines, page breaks, list items and title-like lines."""
    blocks: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate(lines):
        text = line.text.strip()
        boundary = not text or line.page_start or find_marker(text) is not None
        if boundary or (start is not None and ends_sentence(lines[index - 1].text) and is_title_like(text)):
            if start is not None:
                blocks.append((start, index))
            start = index if text else None
        elif start is None:
            start = index
    if start is not None:
        blocks.append((start, len(lines)))
    return blocks


def _drop_footnote_markers(lines: list[_RawLine], numbers: set[int]) -> list[_RawLine]:
    if not numbers:
        return lines
    pattern = re.compile(r"(?<=[A-Za-z.)”’\"])(\d{1,2})(?=\s|$)")

    def strip(match: re.Match[str]) -> str:
        return "" if int(match.group(1)) in numbers else match.group(0)

    for line in lines:
        line.text = pattern.sub(strip, line.text)
    return lines


def _starts_new_line(previous: str, line: str, page_start: bool) -> bool:
    marker = find_marker(line)
    if marker is not None and _is_initial(previous, line, marker):
        return False  # "... according to / M. Chan, the ..." wraps a name, it opens no list item
    if marker is not None or starts_label(line) or looks_like_group_heading(line):
        return True
    if looks_like_group_heading(previous):
        return True
    if page_start and find_marker(previous) is not None and ends_sentence(previous) and line[:1].isupper():
        # A list item rarely runs on across a page break with a new sentence; a new paragraph often starts there.
        return True
    if previous.endswith(("-", "/")) and not previous.endswith((" -", " /")):
        return False
    if line[:1].islower() or line[:1] in ",;)":
        return False
    if is_title_like(line):
        # A heading follows a finished sentence, a list item or another heading.
        finished = ends_sentence(previous) and not previous.endswith(",")
        return finished or find_marker(previous) is not None or is_title_like(previous)
    # A heading is followed by its text on the next line.
    return is_title_like(previous) and not ends_sentence(previous)


def _is_initial(previous: str, line: str, marker: Marker) -> bool:
    """A capital letter and a full stop that start a line in the middle of a sentence are a name's
    initial: the line before runs on (no sentence end, no colon, not a heading or list item) and
    a capitalised word follows."""
    if marker.style != "letter-upper" or not line[marker.length - 2:marker.length - 1] == ".":
        return False
    if ends_sentence(previous) or find_marker(previous) is not None or is_title_like(previous):
        return False
    return line[marker.length:marker.length + 1].isupper()


def _unwrap(raw: list[_RawLine], source: str) -> list[LogicalLine]:
    logical: list[tuple[list[str], _RawLine, bool]] = []  # pieces, first raw line, paragraph start
    lengths: list[int] = []
    blank_before = True
    for line in raw:
        text = " ".join(line.text.split())
        if not text:
            blank_before = True
            continue
        if logical and not blank_before and not _starts_new_line(_joined(logical[-1][0], lengths[-1]), text,
                                                                 line.page_start):
            pieces = logical[-1][0]
            previous = pieces[-1]
            joiner = "" if previous.endswith("-") and not previous.endswith(" -") and text[:1].islower() else " "
            pieces.append(joiner + text)
            lengths[-1] += len(joiner) + len(text)
        else:
            logical.append(([text], line, blank_before))
            lengths.append(len(text))
        if lengths[-1] > MAX_PARAGRAPH_CHARS:
            raise LimitExceeded(source, f"one paragraph is over {MAX_PARAGRAPH_CHARS:,} characters long (from line "
                                        f"{logical[-1][1].number + 1}): a report's paragraphs are far shorter, so "
                                        "this is not a report's text (or its line breaks were lost)")
        blank_before = False

    result: list[LogicalLine] = []
    offset = 0
    for pieces, first, paragraph_start in logical:
        text = "".join(pieces)
        result.append(LogicalLine(text, offset, offset + len(text), first.page, first.number, paragraph_start))
        offset += len(text) + 1
    return result


def _joined(pieces: list[str], length: int) -> str:
    """The line so far, or for a long one its start and end: all that the line-start rules look at
    (a long line is never title-like), without joining it again for every line added."""
    if length <= 400 or len(pieces) == 1:
        return "".join(pieces)
    return pieces[0][:200] + " … " + "".join(pieces[-3:])[-200:]
