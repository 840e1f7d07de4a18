"""Readers: a report file in, its pages of raw text out. No cleaning happens here.

Every reader is bounded, whatever the file holds:

- the file type is checked before the file is opened (:func:`check_regular_file`): a FIFO, a
  device or a folder is "not a regular file" at once, never read or hashed;
- the file's size is checked against the size limit, and the file is read once, from one open
  descriptor whose type is checked again (no swap between the check and the read);
- what a file expands to is capped relative to that limit (:data:`DECOMPRESSION_FACTOR`): PDF
  streams as pypdf decodes them, DOCX zip members as declared, and the text taken from pages;
- reading has a wall-clock limit per file (:data:`DEFAULT_TIME_LIMIT`), checked page by page,
  stream by stream and paragraph by paragraph;
- a DOCX whose XML declares a DTD (billion laughs, external entities) is refused before it is
  parsed, and XML that libxml2 will not parse safely (a huge text node) is a clear error;
- pypdf's own log messages are folded into the tool's message instead of printing before it.

Readers that succeed with a caveat (an invalid UTF-8 byte replaced, pypdf repairing a file) say
so in ``RawDocument.warnings``; those are also logged on the ``graph.ingest`` logger.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import logging
import os
import re
import stat
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from graph.ingest.errors import (
    EmptyDocument,
    EncryptedDocument,
    LimitExceeded,
    NotRegularFile,
    TooLarge,
    UnreadableDocument,
    UnsupportedFormat,
)
from graph.ingest.layout import find_marker

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "GMSGRAPH_MAX_BYTES"
TEXT_ENCODINGS = ("utf-8-sig", "cp1252")
# What one file may expand to, as a multiple of the size limit: decoded PDF streams, the DOCX's
# unzipped members. A text report's content streams are a few times its compressed size.
DECOMPRESSION_FACTOR = 4
MIN_DECOMPRESSED_BYTES = 32 * 1024 * 1024
DEFAULT_TIME_LIMIT = 60.0  # seconds of wall clock to read one file
MAX_ZIP_MEMBERS = 5_000

log = logging.getLogger("graph.ingest")


@dataclass(frozen=True)
class RawDocument:
    """A report's text as its format gives it, one string per page (one page when the format has none)."""

    source: str
    format: str
    pages: tuple[str, ...]
    has_page_numbers: bool
    warnings: tuple[str, ...] = ()  # what the reader had to repair or guess, for the user


# --- limits ------------------------------------------------------------------------------------

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
          "g": 1000**3, "gb": 1000**3, "gib": 1024**3, "t": 1000**4, "tb": 1000**4, "tib": 1024**4,
          "ki": 1024, "mi": 1024**2, "gi": 1024**3, "ti": 1024**4}


def parse_size(text: str) -> int:
    """``"5000000"``, ``"100MB"``, ``"50 MiB"``, ``"2g"`` as bytes; ValueError with the reason otherwise."""
    match = _SIZE.match(str(text))
    unit = (match.group(2) or "").lower() if match else ""
    if not match or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size: give bytes, or a number with KB, MB, GB (or KiB, MiB, GiB)")
    value = int(float(match.group(1)) * _UNITS[unit])
    if value <= 0:
        raise ValueError(f"{text!r} is not a size: it must be more than 0 bytes")
    return value


def max_bytes_from_env() -> int:
    """``$GMSGRAPH_MAX_BYTES`` (``"100MB"`` works too), else the default; a bad value is a ValueError."""
    value = os.environ.get(MAX_BYTES_ENV)
    if value is None or not value.strip():
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(value)
    except ValueError as exc:
        raise ValueError(f"${MAX_BYTES_ENV}: {exc}") from None


def decompression_cap(max_bytes: int) -> int:
    return max(DECOMPRESSION_FACTOR * max_bytes, MIN_DECOMPRESSED_BYTES)


class _Budget:
    """Bytes a file may expand to and the time it may take; a reader spends both as it goes."""

    def __init__(self, path: Path, max_bytes: int, time_limit: float) -> None:
        self.path = path
        self.cap = decompression_cap(max_bytes)
        self.used = 0
        self.time_limit = time_limit
        self.deadline = time.monotonic() + time_limit
        self.exceeded: LimitExceeded | None = None

    @property
    def remaining(self) -> int:
        return max(self.cap - self.used, 0)

    def spend(self, count: int, what: str) -> None:
        self.used += count
        if self.used > self.cap and self.exceeded is None:
            self.exceeded = LimitExceeded(
                self.path, f"the file expands to more than {self.cap:,} bytes of {what} ({DECOMPRESSION_FACTOR}x the "
                           "size limit): refused as a possible decompression bomb (raise the limit with --max-size)")
        self.check()

    def check(self) -> None:
        """Raise the first limit hit (also when a library swallowed it), or the deadline's."""
        if self.exceeded is None and time.monotonic() > self.deadline:
            self.exceeded = LimitExceeded(
                self.path, f"reading the file took longer than {self.time_limit:g} s, the limit per file")
        if self.exceeded is not None:
            raise self.exceeded


# --- the entry point ---------------------------------------------------------------------------

def check_regular_file(path: Path) -> os.stat_result:
    """The file's status, after checking that it exists and is a regular file (symlinks followed).

    Call this before opening, hashing or reading a path that a user gave: opening a FIFO blocks
    until someone writes to it, and a device such as /dev/zero never ends.
    """
    path = Path(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableDocument(path, "a broken symbolic link (its target does not exist)") from None
        raise UnreadableDocument(path, "no such file") from None
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot be read ({exc.strerror or exc})") from None
    mode = status.st_mode
    if not stat.S_ISREG(mode):
        kind = ("a folder" if stat.S_ISDIR(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a special file")
        raise NotRegularFile(path, f"not a regular file: it is {kind}")
    return status


def read_document(path: Path, max_bytes: int | None = None, *, time_limit: float | None = None) -> RawDocument:
    """Read a .txt, .pdf, .docx or .html report, after checking that it is a regular file, not empty and
    not too large. Raises an ``IngestError`` that names the file and says what is wrong."""
    path = Path(path)
    status = check_regular_file(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise UnsupportedFormat(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {supported}")
    limit = max_bytes_from_env() if max_bytes is None else max_bytes
    if status.st_size == 0:
        raise EmptyDocument(path, "the file is empty")
    if status.st_size > limit:
        raise TooLarge(path, f"the file is {status.st_size:,} bytes, over the limit of {limit:,} "
                             "(raise it with --max-size)")
    data = _read_bytes(path, limit)
    budget = _Budget(path, limit, DEFAULT_TIME_LIMIT if time_limit is None else time_limit)
    try:
        document = reader(path, data, budget)
    except RecursionError:
        raise UnreadableDocument(path, "the file's structure nests too deeply or refers to itself") from None
    except MemoryError:
        raise LimitExceeded(path, "the file needs more memory than is available to read it") from None
    budget.check()
    if not any(page.strip() for page in document.pages):
        raise EmptyDocument(path, "no text could be read from the file" + (
            " (a scanned or image-only PDF has no text layer)" if document.format == "pdf" else ""))
    for warning in document.warnings:
        # A repair pypdf made on its own is detail; a guess about the text itself is the user's to know.
        log.log(logging.INFO if warning.startswith("pypdf:") else logging.WARNING, "%s: %s", path, warning)
    return document


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes from one descriptor, never following it into a FIFO or device swapped in."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotRegularFile(path, "not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path, f"the file grew past the limit of {limit:,} bytes while it was read")
    return data


# --- plain text --------------------------------------------------------------------------------

def _read_text(path: Path, data: bytes, budget: _Budget) -> RawDocument:
    if _looks_binary(data):
        raise UnreadableDocument(path, "the file is binary, not text")
    text, warnings = _decode(data)
    # Form feeds are the page breaks of plain-text exports.
    pages = tuple(text.split("\f"))
    return RawDocument(path.name, "txt", pages, has_page_numbers=len(pages) > 1, warnings=warnings)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (with or without BOM), else cp1252. A UTF-8 file with a few bad bytes stays UTF-8."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    good, bad = _utf8_evidence(data)
    # Real multi-byte UTF-8 sequences outnumber the invalid bytes: one damaged byte, not cp1252.
    if good and bad <= good:
        text = data.decode("utf-8-sig", errors="replace")
        return text, (f"{bad} byte{'s' if bad != 1 else ''} that {'are' if bad != 1 else 'is'} not valid UTF-8 "
                      "replaced with \ufffd; the rest read as UTF-8",)
    for encoding in TEXT_ENCODINGS[1:]:
        try:
            return data.decode(encoding), ()
        except UnicodeDecodeError:
            continue
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
    return data.decode("latin-1"), ()


def _utf8_evidence(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 characters, invalid bytes) in ``data``."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = decoder.decode(data, final=True)
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    good = sum(1 for char in text if ord(char) > 127 and char != "\ufffd")
    return good, bad


# --- pdf ---------------------------------------------------------------------------------------

_ACTIVE_BUDGET: ContextVar[_Budget | None] = ContextVar("gmsgraph_pdf_budget", default=None)
_patch_lock = threading.Lock()


def _install_stream_counter() -> None:
    """Count every stream pypdf decodes against the active budget (pypdf caps streams only one by one).

    pypdf looks ``decode_stream_data`` up in ``pypdf.filters`` each time it decodes a stream, so a
    wrapper there sees all of them; outside a read (no active budget) it only passes through.
    """
    from pypdf import filters

    with _patch_lock:
        if getattr(filters.decode_stream_data, "_gmsgraph_counter", False):
            return
        original = filters.decode_stream_data

        def counted(stream):  # type: ignore[no-untyped-def]
            budget = _ACTIVE_BUDGET.get()
            if budget is not None:
                budget.check()
            data = original(stream)
            if budget is not None:
                budget.spend(len(data), "decoded PDF streams")
            return data

        counted._gmsgraph_counter = True  # type: ignore[attr-defined]
        filters.decode_stream_data = counted


class _ThreadMessages(logging.Handler):
    """pypdf's log records from one thread, kept for the tool's own message instead of printed."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and record.levelno >= logging.WARNING:
            message = " ".join(record.getMessage().split())
            if message not in self.messages:
                self.messages.append(message)


@contextlib.contextmanager
def _pypdf_messages() -> Iterator[_ThreadMessages]:
    logger = logging.getLogger("pypdf")
    handler = _ThreadMessages()
    previous = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous if not logger.handlers else logger.propagate


def _folded(reason: str, messages: list[str], limit: int = 3) -> str:
    if not messages:
        return reason
    shown = "; ".join(messages[:limit]) + (f"; and {len(messages) - limit} more" if len(messages) > limit else "")
    return f"{reason} [pypdf: {shown}]"


def _read_pdf(path: Path, data: bytes, budget: _Budget) -> RawDocument:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    _install_stream_counter()
    per_stream = min(75_000_000, budget.cap)
    limits = dict(zlib_maximum_output_length=per_stream, lzw_maximum_output_length=per_stream,
                  run_length_maximum_output_length=per_stream, array_based_stream_maximum_output_length=per_stream,
                  maximum_declared_stream_length=per_stream, image_maximum_buffer_size=per_stream,
                  stream_decoding_work_maximum_length=max(per_stream, 1))
    token = _ACTIVE_BUDGET.set(budget)
    try:
        with _pypdf_messages() as messages, apply_configuration(**limits):
            try:
                reader = PdfReader(io.BytesIO(data))
                if reader.is_encrypted:
                    try:
                        opened = reader.decrypt("")
                    except DependencyError as exc:
                        raise EncryptedDocument(path, "the PDF is encrypted with AES and the 'cryptography' package "
                                                      f"is not installed to open it ({exc})") from None
                    if not opened:
                        raise EncryptedDocument(path, "the PDF is encrypted with a password; save an unencrypted "
                                                      "copy and try again")
                printed: list[list[_Line] | str] = []
                for page in reader.pages:
                    budget.check()
                    lines = _page_lines(page)
                    budget.spend(sum(len(line.text) for line in lines) if isinstance(lines, list)
                                 else len(lines.encode("utf-8")), "extracted text")
                    printed.append(lines)
                budget.check()
                leading = _leading([line for lines in printed if isinstance(lines, list) for line in lines])
                pages = [(_paragraphs(lines, leading) if isinstance(lines, list) else lines).translate(_PDF_CONTROLS)
                         for lines in printed]
            except (LimitExceeded, EncryptedDocument):
                raise
            except FileNotDecryptedError:
                raise EncryptedDocument(path, "the PDF is encrypted with a password; save an unencrypted copy and "
                                              "try again") from None
            except DependencyError as exc:
                raise UnreadableDocument(path, _folded(f"the PDF needs a missing package ({exc})",
                                                       messages.messages)) from None
            except (RecursionError, MemoryError):
                raise
            except Exception as exc:  # pypdf raises a wide range of errors on malformed files
                budget.check()  # a limit pypdf swallowed and turned into another error
                if isinstance(exc, (PdfReadError, ValueError, KeyError, TypeError, OSError, IndexError,
                                    AttributeError, AssertionError, ZeroDivisionError)) \
                        or type(exc).__module__.startswith("pypdf"):
                    reason = " ".join(str(exc).split()) or type(exc).__name__
                    raise UnreadableDocument(path, _folded(f"the PDF is corrupt or unreadable ({reason})",
                                                           messages.messages)) from None
                raise
            warnings = tuple(f"pypdf: {m}" for m in messages.messages[:5])
    finally:
        _ACTIVE_BUDGET.reset(token)
    return RawDocument(path.name, "pdf", tuple(pages), has_page_numbers=True, warnings=warnings)


@dataclass
class _Line:
    """One line of a PDF page as pypdf extracts it, with where and how it is printed."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    tail: int | None = None  # where a bold run that ends the line starts, after non-bold text


_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold|extrabold", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;”\"’)]\s*$")


def _page_lines(page) -> list[_Line] | str:  # type: ignore[no-untyped-def]
    """A page's printed lines with where and how each is printed, or pypdf's plain text when its
    visitor does not account for every character."""
    chunks: list[tuple[str, float, float, float, bool]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:  # type: ignore[no-untyped-def]
        try:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            scale = abs(tm[2] * cm[1] + tm[3] * cm[3]) or abs(tm[0] * cm[0] + tm[1] * cm[2]) or 1.0
            size = float(font_size or 1) * scale
            name = str(font_dict.get("/BaseFont", "")) if font_dict else ""
        except (TypeError, ValueError, IndexError, AttributeError):
            x = y = size = 0.0
            name = ""
        chunks.append((text, float(x), float(y), float(size), bool(_BOLD_FONT.search(name))))

    plain = page.extract_text(visitor_text=visit) or ""
    if "".join(chunk[0] for chunk in chunks) == plain:
        return _lines(chunks)
    return plain


# WinAnsiEncoding maps every unused code to the bullet (PDF 1.7, annex D); pypdf passes 0x7F through,
# and C1 codes left by a cp1252 font map are the typographic marks of that code page.
_PDF_CONTROLS = str.maketrans({"\x7f": "•", "\x95": "•", "\x96": "–", "\x97": "—", "\x91": "‘", "\x92": "’",
                               "\x93": "“", "\x94": "”", "\x85": "…"})


def _lines(chunks: list[tuple[str, float, float, float, bool]]) -> list[_Line]:
    lines: list[_Line] = []
    pieces: list[tuple[str, float, float, float, bool]] = []

    def close() -> None:
        text = "".join(piece[0] for piece in pieces)
        inked = [piece for piece in pieces if piece[0].strip()]
        if inked:
            stripped = text.strip()
            tail = None
            if not inked[-1][4] or all(piece[4] for piece in inked):
                pass
            else:
                # The bold run that ends the line, after text that is not bold.
                position = len(text)
                for piece in reversed(pieces):
                    if piece[0].strip() and not piece[4]:
                        break
                    position -= len(piece[0])
                offset = len(text) - len(text.lstrip())
                tail = max(position - offset, 0)
            lines.append(_Line(stripped, inked[0][1], inked[0][2], max(piece[3] for piece in inked),
                               all(piece[4] for piece in inked), tail))
        pieces.clear()

    for text, x, y, size, bold in chunks:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                close()
            if part:
                pieces.append((part, x, y, size, bold))
    close()
    return lines


def _leading(lines: list[_Line]) -> float | None:
    """The document's line spacing: the smallest gap between regular lines that recurs (lines that
    wrap inside a paragraph); paragraph and list spacing are the larger gaps."""
    gaps = sorted(round(a.y - b.y, 1) for a, b in zip(lines, lines[1:], strict=False)
                  if not a.bold and not b.bold and abs(a.size - b.size) < 0.5 and 0.8 * a.size < a.y - b.y < 3 * a.size)
    need = max(2, len(gaps) // 20)
    for gap in gaps:
        if sum(1 for other in gaps if abs(other - gap) <= 0.6) >= need:
            return gap
    return None


def _paragraphs(lines: list[_Line], leading: float | None) -> str:
    """A page's text with its paragraphs recovered from the print, one blank line between them.

    pypdf's text layer has one line per printed line and no paragraph breaks. A paragraph break is
    a vertical gap wider than the document's line spacing, a line that starts left of the lines
    before it in its paragraph (the text after a list item's hanging indent), a change of font
    size, or a change between bold and regular lines; consecutive bold lines (a heading that
    wraps) are one line; and a bold run that ends a line after a finished sentence (a heading the
    reflow put at the end of the previous paragraph) is a line of its own.
    """
    if not lines:
        return ""
    out: list[str] = []
    heading_open = False  # the last line out is a bold heading that may wrap onto the next line
    previous: _Line | None = None
    first: _Line | None = None  # the current paragraph's first line
    body_x: float | None = None  # where its other lines start
    for line in lines:
        if previous is not None and first is not None:
            spacing = leading or 1.2 * max(previous.size, line.size)
            gap = previous.y - line.y
            # A line that starts left of the paragraph it follows (the text after a list item's
            # hanging indent) starts a paragraph; a first-line indent does not.
            if body_x is not None:
                outdented = line.x < body_x - 2
            else:
                outdented = line.x < first.x - 2 and find_marker(first.text) is not None
            new_paragraph = (gap < -0.5 * line.size or gap > 1.3 * spacing + 0.5 or outdented
                             or abs(previous.size - line.size) > 1.0
                             or (previous.bold or heading_open) != line.bold)
            if (heading_open or previous.bold) and line.bold and not new_paragraph:
                out[-1] = f"{out[-1]} {line.text}"  # a heading that wraps is one line
                previous = line
                continue
            if new_paragraph:
                out.append("")
                first, body_x = line, None
            elif body_x is None:
                body_x = line.x
        else:
            first = line
        heading_open = False
        if line.tail is not None and _SENTENCE_END.search(line.text[:line.tail]) and line.text[line.tail:].strip():
            out.extend([line.text[:line.tail].rstrip(), "", line.text[line.tail:].strip()])
            heading_open = True
            first, body_x = line, None
        else:
            out.append(line.text)
        previous = line
    return "\n".join(out)


# --- docx --------------------------------------------------------------------------------------

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_docx_package(path: Path, data: bytes, budget: _Budget) -> None:
    """Refuse zip bombs and XML with a DTD before python-docx parses anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise UnreadableDocument(path, f"the DOCX is corrupt or unreadable (not a valid zip archive: {exc})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise LimitExceeded(path, f"the DOCX holds {len(members):,} files, over the limit of {MAX_ZIP_MEMBERS:,}")
        declared = sum(member.file_size for member in members)
        if declared > budget.cap:
            raise LimitExceeded(path, f"the DOCX unzips to {declared:,} bytes, over the cap of {budget.cap:,} "
                                      f"({DECOMPRESSION_FACTOR}x the size limit): refused as a possible zip bomb")
        for member in members:
            budget.check()
            if not member.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(member) as handle:
                    content = handle.read(member.file_size + 1)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                raise UnreadableDocument(
                    path, f"the DOCX is corrupt or unreadable ({member.filename}: {exc})") from None
            budget.spend(len(content), "unzipped DOCX parts")
            if _DTD.search(content) or _DTD.search(content.replace(b"\x00", b"")):
                raise UnreadableDocument(
                    path, f"the DOCX part {member.filename} declares a DTD or entities, which Word never writes: "
                          "refused as a possible entity-expansion (billion laughs) or external-entity (XXE) attack")


def _read_docx(path: Path, data: bytes, budget: _Budget) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    _check_docx_package(path, data, budget)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocument(path, f"the DOCX's XML cannot be parsed safely ({' '.join(str(exc).split())}); "
                                       "a text node over 10 MB is refused") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise UnreadableDocument(path, f"the DOCX is corrupt or unreadable ({exc})") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in _body_blocks(document.element.body):
        budget.check()
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


def _body_blocks(body) -> Iterator:  # type: ignore[no-untyped-def]
    """Paragraphs and tables in body order, including those inside content controls (``w:sdt``)."""
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
        elif tag == "sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


def _roman(value: int) -> str:
    numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for number, numeral in numerals:
        while value >= number:
            out, value = out + numeral, value - number
    return out


def _letters(value: int) -> str:
    # Word's letter numbering: a..z, then aa..zz, aaa...
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


# Word's default bullets are private-use glyphs of the Symbol and Wingdings fonts; by level they
# look like a dot, a circle and a square.
_BULLET_BY_LEVEL = ("•", "◦", "▪")


def _bullet(text: str, level: int) -> str:
    char = text.strip()[:1]
    if not char or "\uf000" <= char <= "\uf8ff" or char in "o§":
        return _BULLET_BY_LEVEL[level % len(_BULLET_BY_LEVEL)]
    return char


class _Numbering:
    """Word list numbering: the marker a paragraph shows though its text does not hold it.

    A paragraph is a list item when it has ``w:numPr`` (directly, or through its style or the
    styles it is based on, as "List Number" and "List Bullet" do). Its marker is the level's
    ``w:lvlText`` with each ``%n`` replaced by that level's counter in its ``w:numFmt``, as Word
    shows it; counters run per list (``w:numId``) and a level restarts after a higher one.
    """

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.start_overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.iterfind(f"{_W}abstractNum"):
                levels: dict[int, tuple[str, str, int]] = {}
                for lvl in abstract.iterfind(f"{_W}lvl"):
                    ilvl = _int(lvl.get(f"{_W}ilvl"), 0)
                    levels[ilvl] = (_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                                    _int(_val(lvl, "start"), 1))
                self.levels[abstract.get(f"{_W}abstractNumId") or ""] = levels
            for num in root.iterfind(f"{_W}num"):
                num_id = num.get(f"{_W}numId") or ""
                self.abstract_of[num_id] = _val(num, "abstractNumId") or ""
                overrides = {}
                for override in num.iterfind(f"{_W}lvlOverride"):
                    start = _val(override, "startOverride")
                    if start is not None:
                        overrides[_int(override.get(f"{_W}ilvl"), 0)] = _int(start, 1)
                self.start_overrides[num_id] = overrides
        self.styles = document.styles

    def _style_numpr(self, style) -> tuple[str | None, int | None]:  # type: ignore[no-untyped-def]
        seen = 0
        num_id: str | None = None
        ilvl: int | None = None
        while style is not None and seen < 20:
            numpr = style.element.find(f"{_W}pPr/{_W}numPr")
            if numpr is not None:
                num_id = num_id if num_id is not None else _val(numpr, "numId")
                if ilvl is None and _val(numpr, "ilvl") is not None:
                    ilvl = _int(_val(numpr, "ilvl"), 0)
            if num_id is not None:
                break
            style, seen = style.base_style, seen + 1
        return num_id, ilvl

    def marker(self, paragraph) -> tuple[str, int] | None:  # type: ignore[no-untyped-def]
        """(marker text, level) for a list paragraph, None for any other."""
        ppr = paragraph._p.pPr
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl = _int(_val(numpr, "ilvl"), 0) if numpr is not None and _val(numpr, "ilvl") is not None else None
        if num_id is None or ilvl is None:
            try:
                style = paragraph.style
            except (KeyError, ValueError, AttributeError):
                style = None
            style_num, style_lvl = self._style_numpr(style) if style is not None else (None, None)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id == "0":  # numId 0 switches numbering off
            return None
        ilvl = min(max(ilvl or 0, 0), 8)
        levels = self.levels.get(self.abstract_of.get(num_id, ""), {})
        fmt, text, start = levels.get(ilvl, ("bullet", "•", 1))
        start = self.start_overrides.get(num_id, {}).get(ilvl, start)
        counters = self.counters.setdefault(num_id, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if fmt == "bullet":
            # "List Bullet 2" is its own list at level 0 in Word's template, shown further in: its level is 2.
            return _bullet(text, max(ilvl, _style_level(paragraph) - 1)), ilvl
        if fmt == "none":
            return None

        def counter(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = counters[level] if 0 <= level < 9 and counters[level] is not None else 1
            level_fmt = levels.get(level, ("decimal", "", 1))[0] if level != ilvl else fmt
            return _format_number(int(value or 1), level_fmt)

        rendered = re.sub(r"%([1-9])", counter, text).strip()
        return (rendered or f"{counters[ilvl]}."), ilvl


def _style_level(paragraph) -> int:  # type: ignore[no-untyped-def]
    """The level a built-in list style names: "List Bullet 2" is 2, "List Bullet" 1."""
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return 1
    match = re.match(r"^List (?:Bullet|Number|Continue)(?: (\d))?$", name or "")
    return int(match.group(1) or 1) if match else 1


def _format_number(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _val(element, name: str) -> str | None:  # type: ignore[no-untyped-def]
    child = element.find(f"{_W}{name}") if element is not None else None
    return child.get(f"{_W}val") if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _docx_paragraph_line(paragraph, numbering: _Numbering) -> str:  # type: ignore[no-untyped-def]
    text = paragraph.text.strip()
    try:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
    except (KeyError, ValueError, AttributeError):
        style = ""
    if not text:
        return ""
    # Word stores list markers outside the text; restore the one Word shows so the structure stage sees the list.
    marker = numbering.marker(paragraph)
    # Every Word paragraph is a paragraph: a blank line after each keeps the next one from running on.
    if marker is not None:
        return f"{marker[0]} {text}\n"
    if style.startswith(("Heading", "Title")):
        return f"\n{text}\n"
    return text + "\n"


# --- html --------------------------------------------------------------------------------------

class _HTMLText(HTMLParser):
    """Collects visible text, one line per block element, with list markers restored.

    Inert content is dropped: scripts, styles, templates, and the fallback text of embedded
    frames and objects (``iframe``, ``object``, ``embed``...), which a browser shows only when the
    embedding fails.
    """

    BLOCKS = {"p", "div", "section", "article", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
              "ul", "ol", "header", "footer", "blockquote", "figure", "figcaption", "dt", "dd", "main", "aside",
              "nav", "li", "pre", "hr", "address", "details", "summary"}
    SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe", "object", "embed",
            "applet", "noembed", "noframes", "frameset", "canvas", "video", "audio", "select", "datalist", "map",
            "textarea", "button"}
    VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track",
            "wbr"}

    def __init__(self, budget: _Budget) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.lists: list[list[int | None]] = []
        self.budget = budget

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag == "body" and self.skipping == ["head"]:
            self.skipping.clear()  # a head that was never closed ends where the body starts
        if self.skipping:
            if tag in self.SKIP and tag not in self.VOID:
                self.skipping.append(tag)
            return
        if tag in self.SKIP:
            if tag not in self.VOID:
                self.skipping.append(tag)
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

    def handle_startendtag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if not self.skipping and tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def _read_html(path: Path, data: bytes, budget: _Budget) -> RawDocument:
    if _looks_binary(data):
        raise UnreadableDocument(path, "the file is binary, not HTML")
    text, warnings = _decode(data)
    parser = _HTMLText(budget)
    chunk = 64 * 1024
    for start in range(0, len(text), chunk):
        budget.check()
        parser.feed(text[start:start + chunk])
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return RawDocument(path.name, "html", ("\n".join(lines),), has_page_numbers=False, warnings=warnings)


READERS: dict[str, Callable[[Path, bytes, _Budget], RawDocument]] = {
    ".txt": _read_text,
    ".text": _read_text,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
}
