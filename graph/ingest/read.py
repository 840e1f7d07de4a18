"""Readers: a report file in, its pages of raw text out. No cleaning happens here."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from graph.ingest.errors import EmptyDocument, TooLarge, UnreadableDocument, UnsupportedFormat

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "GMSGRAPH_MAX_BYTES"
TEXT_ENCODINGS = ("utf-8-sig", "cp1252")


@dataclass(frozen=True)
class RawDocument:
    """A report's text as its format gives it, one string per page (one page when the format has none)."""

    source: str
    format: str
    pages: tuple[str, ...]
    has_page_numbers: bool


def max_bytes_from_env() -> int:
    value = os.environ.get(MAX_BYTES_ENV)
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def read_document(path: Path, max_bytes: int | None = None) -> RawDocument:
    """Read a .txt, .pdf, .docx or .html report, after checking that it exists, is not empty and not too large."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise UnsupportedFormat(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {supported}")
    if not path.is_file():
        raise UnreadableDocument(path, "no such file")
    limit = max_bytes_from_env() if max_bytes is None else max_bytes
    size = path.stat().st_size
    if size == 0:
        raise EmptyDocument(path, "the file is empty")
    if size > limit:
        raise TooLarge(path, f"the file is {size:,} bytes, over the limit of {limit:,} (raise it with --max-size)")
    document = reader(path)
    if not any(page.strip() for page in document.pages):
        raise EmptyDocument(path, "no text could be read from the file")
    return document


def _read_text(path: Path) -> RawDocument:
    data = path.read_bytes()
    if _looks_binary(data):
        raise UnreadableDocument(path, "the file is binary, not text")
    text = _decode(data)
    # Form feeds are the page breaks of plain-text exports.
    pages = tuple(text.split("\f"))
    return RawDocument(path.name, "txt", pages, has_page_numbers=len(pages) > 1)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def _decode(data: bytes) -> str:
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
    return data.decode("latin-1")


def _read_pdf(path: Path) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(path, "the PDF is encrypted; save an unencrypted copy and try again")
        pages = tuple(page.extract_text() or "" for page in reader.pages)
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(path, f"the PDF is corrupt or unreadable ({exc})") from exc
    except Exception as exc:  # pypdf raises a wide range of errors on malformed files
        if type(exc).__module__.startswith("pypdf"):
            raise UnreadableDocument(path, f"the PDF is corrupt or unreadable ({exc})") from exc
        raise
    return RawDocument(path.name, "pdf", pages, has_page_numbers=True)


def _read_docx(path: Path) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocument(path, f"the DOCX is corrupt or unreadable ({exc})") from exc
    lines: list[str] = []
    numbering: dict[str, int] = {}
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_docx_paragraph_line(docx.text.paragraph.Paragraph(block, document), numbering))
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            lines.append("")
            for row in table.rows:
                cells = [cell.text.strip() for cell in row.cells]
                # Merged cells repeat their text in python-docx; keep each once.
                unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
                lines.extend(unique if len(unique) > 1 else unique[:1])
                lines.append("")
    return RawDocument(path.name, "docx", ("\n".join(lines),), has_page_numbers=False)


def _docx_paragraph_line(paragraph, numbering: dict[str, int]) -> str:
    text = paragraph.text.strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    has_numbering = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if not text:
        numbering.clear()
        return ""
    # Word stores list numbers outside the text; restore a marker so the structure stage sees the list.
    if "Number" in style:
        numbering[style] = numbering.get(style, 0) + 1
        return f"{numbering[style]}. {text}"
    if "List" in style or has_numbering:
        return f"• {text}"
    numbering.clear()
    if style.startswith(("Heading", "Title")):
        return f"\n{text}\n"
    return text + "\n"


class _HTMLText(HTMLParser):
    """Collects visible text, one line per block element, with list markers restored."""

    BLOCKS = {"p", "div", "section", "article", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
              "ul", "ol", "header", "footer", "blockquote", "figure", "figcaption", "dt", "dd"}
    SKIP = {"script", "style", "head", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.lists: list[list[int | None]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "ol":
            self.lists.append([0])
        elif tag == "ul":
            self.lists.append([None])
        elif tag == "li":
            self.parts.append("\n")
            if self.lists and self.lists[-1][0] is not None:
                self.lists[-1][0] += 1
                self.parts.append(f"{self.lists[-1][0]}. ")
            else:
                self.parts.append("• ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
            self.parts.append("\n")
        elif tag in self.BLOCKS or tag == "li":
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def _read_html(path: Path) -> RawDocument:
    data = path.read_bytes()
    if _looks_binary(data):
        raise UnreadableDocument(path, "the file is binary, not HTML")
    parser = _HTMLText()
    parser.feed(_decode(data))
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return RawDocument(path.name, "html", ("\n".join(lines),), has_page_numbers=False)


READERS: dict[str, Callable[[Path], RawDocument]] = {
    ".txt": _read_text,
    ".text": _read_text,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
}
