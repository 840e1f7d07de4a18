"""Render a bundled report text as the other formats a user would hand the tool (test helpers).

- :func:`render_pdf`: a reflowed PDF, as Word or a typesetter would print the report. Each
  paragraph is wrapped again to the page width, so its line breaks differ from the text file's;
  every page has a running header and a page number; and, as in real text layers, paragraph breaks
  leave no blank line. With ``hostile=True`` (the default) it also does what the issue saw in real
  PDFs: a labelled line and the discussion after it share one paragraph, two prose paragraphs run
  together, and a heading sits at the end of the previous paragraph's last line.
- :func:`render_docx`: a Word file whose lists use Word list styles: the marker is not in the
  text but comes from numbering (``w:numPr`` with a numbering definition that prints the
  report's own marker format, or the ``List Bullet`` style), with the item's level as ``w:ilvl``.

Both start from :func:`report_paragraphs`, the report as the text reader and the cleaner see it
(one entry per paragraph, list item or heading, with its list level), so the three files carry the
same words. Nothing here is tuned to one report: the rules apply to every paragraph of a kind.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from graph.ingest.clean import clean
from graph.ingest.layout import find_marker
from graph.ingest.read import read_document
from graph.ingest.structure import build_blocks


@dataclass(frozen=True)
class Paragraph:
    kind: str  # heading | item | label | paragraph, as the structure stage classifies the text file
    text: str  # as typed in the text file, marker included
    level: int = 0  # list level (1 = top) for items


def report_paragraphs(path: Path) -> list[Paragraph]:
    """The report's paragraphs, list items and headings, in order."""
    cleaned = clean(read_document(path))
    blocks = build_blocks(cleaned)
    assert len(blocks) == len(cleaned.lines)  # one block per logical line
    return [Paragraph(block.kind, line.text, block.level if block.kind == "item" else 0)
            for line, block in zip(cleaned.lines, blocks, strict=True)]


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_flow(paragraphs: list[Paragraph], hostile: bool) -> list[tuple[str, str, int]]:
    """(style, markup, level) per printed paragraph, after the hostile reflow."""
    out: list[tuple[str, str, int]] = []
    glued = 0
    merged_prose = False
    for index, paragraph in enumerate(paragraphs):
        text = escape(paragraph.text)
        previous = paragraphs[index - 1] if index else None
        if hostile and out and previous is not None:
            last_style = out[-1][0]
            # A heading on the previous paragraph's last line (every other heading after prose).
            if paragraph.kind == "heading" and previous.kind == "paragraph" and last_style == "body":
                glued += 1
                if glued % 2 == 1:
                    out[-1] = ("body", f"{out[-1][1]} <b>{text}</b>", 0)
                    continue
            # The discussion after a labelled line (a vision, a core problem...) in the same paragraph,
            # and every second pair of prose paragraphs run together.
            if paragraph.kind == "paragraph" and previous.kind in ("label", "paragraph") and last_style == "body":
                if previous.kind == "label" or not merged_prose:
                    merged_prose = previous.kind == "paragraph"
                    out[-1] = ("body", f"{out[-1][1]} {text}", 0)
                    continue
            merged_prose = False
        if paragraph.kind == "heading":
            out.append(("heading", f"<b>{text}</b>", 0))
        elif paragraph.kind == "item":
            out.append(("item", text, paragraph.level))
        else:
            out.append(("body", text, 0))
    return out


def render_pdf(paragraphs: list[Paragraph], out: Path, *, header: str, hostile: bool = True) -> Path:
    """A reflowed A4 PDF of ``paragraphs`` with ``header`` and a page number on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
    from reportlab.platypus import Paragraph as Flowable

    width, height = A4

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, height - 1.3 * cm, header)
        canvas.restoreState()

    def page_number(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(width / 2, 1.2 * cm, str(doc.page))
        canvas.restoreState()

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    heading = ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=11, spaceBefore=8)
    styles = {"body": body, "heading": heading}
    story = []
    for style, markup, level in _pdf_flow(paragraphs, hostile):
        if style == "item":
            indent = 14 * level
            item = ParagraphStyle(f"item{level}", parent=body, leftIndent=indent + 14, firstLineIndent=-14,
                                  spaceAfter=2)
            story.append(Flowable(markup, item))
        else:
            story.append(Flowable(markup, styles[style]))
    doc = BaseDocTemplate(str(out), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm, topMargin=2.2 * cm,
                          bottomMargin=2.2 * cm, title=header)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture, onPageEnd=page_number)])
    doc.build(story)
    return out


# --- DOCX --------------------------------------------------------------------------------------

WORD_BULLETS = ("\uf0b7", "o", "\uf0a7")
_NUM_FORMATS = {
    "number": "decimal", "letter-lower": "lowerLetter", "letter-upper": "upperLetter",
    "roman-lower": "lowerRoman", "roman-upper": "upperRoman", "bullet": "bullet",
}


def _level_format(text: str, level: int) -> tuple[str, str, int]:
    """(numFmt, lvlText, start) that print the marker ``text`` starts with, Word's way."""
    marker = find_marker(text)
    assert marker is not None
    typed = text[:marker.length].strip()
    if marker.style == "bullet":
        # Word's own bullet glyphs by level: Symbol's dot, Courier's "o", Wingdings' square.
        return "bullet", WORD_BULLETS[level % len(WORD_BULLETS)], 1
    # "1)" -> "%1)", "(a)" -> "(%1)": the marker's own punctuation around the level's counter.
    lvl_text = typed.replace(marker.label, f"%{level + 1}", 1)
    return _NUM_FORMATS[marker.style], lvl_text, marker.ordinal or 1


def _list_runs(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for index, paragraph in enumerate(paragraphs + [Paragraph("paragraph", "")]):
        if paragraph.kind == "item" and find_marker(paragraph.text) is not None:
            start = index if start is None else start
        elif start is not None:
            runs.append((start, index))
            start = None
    return runs


def render_docx(paragraphs: list[Paragraph], out: Path) -> Path:
    """A DOCX of ``paragraphs`` whose list items carry Word numbering, not typed markers."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    next_id = [900]

    def new_numbering(levels: dict[int, tuple[str, str, int]]) -> int:
        next_id[0] += 1
        abstract_id = num_id = next_id[0]
        xml = [f"<w:abstractNum {nsdecls('w')} w:abstractNumId=\"{abstract_id}\">",
               "<w:multiLevelType w:val=\"multilevel\"/>"]
        for ilvl in range(max(levels) + 1):
            fmt, lvl_text, start = levels.get(ilvl, ("bullet", "•", 1))
            xml.append(f"<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{fmt}\"/>"
                       f"<w:lvlText w:val=\"{escape(lvl_text, {chr(34): '&quot;'})}\"/><w:lvlJc w:val=\"left\"/>"
                       f"<w:pPr><w:ind w:left=\"{720 * (ilvl + 1)}\" w:hanging=\"360\"/></w:pPr></w:lvl>")
        xml.append("</w:abstractNum>")
        abstract = parse_xml("".join(xml))
        # abstractNum elements must precede num elements.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f"<w:num {nsdecls('w')} w:numId=\"{num_id}\">"
                                   f"<w:abstractNumId w:val=\"{abstract_id}\"/></w:num>"))
        return num_id

    runs = {start: end for start, end in _list_runs(paragraphs)}
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if index in runs:
            items = paragraphs[index:runs[index]]
            markers = [find_marker(item.text) for item in items]
            levels: dict[int, tuple[str, str, int]] = {}
            for item in items:
                levels.setdefault(max(item.level - 1, 0), _level_format(item.text, max(item.level - 1, 0)))
            only_bullets = all(m is not None and m.style == "bullet" and m.label == "•" for m in markers)
            if only_bullets and all(item.level <= 2 for item in items):
                # The built-in list styles, whose numbering lives in the style, not the paragraph.
                for item, marker in zip(items, markers, strict=True):
                    style = "List Bullet" if item.level <= 1 else "List Bullet 2"
                    document.add_paragraph(item.text[marker.length:], style=style)
            else:
                num_id = new_numbering(levels)
                for item, marker in zip(items, markers, strict=True):
                    added = document.add_paragraph(item.text[marker.length:])
                    ppr = added._p.get_or_add_pPr()
                    ppr.append(parse_xml(f"<w:numPr {nsdecls('w')}><w:ilvl w:val=\"{max(item.level - 1, 0)}\"/>"
                                         f"<w:numId w:val=\"{num_id}\"/></w:numPr>"))
            index = runs[index]
            continue
        if paragraph.kind == "heading":
            document.add_heading(paragraph.text, level=1)
        else:
            document.add_paragraph(paragraph.text)
        index += 1
    document.save(str(out))
    return out


def render_formats(path: Path, folder: Path, *, hostile: bool = True) -> dict[str, Path]:
    """The report at ``path`` as .txt (itself), a reflowed .pdf and a list-styled .docx in ``folder``."""
    paragraphs = report_paragraphs(path)
    header = f"{path.stem.replace('_', ' ').title()} – Consultation Workshop Report"
    return {
        "txt": path,
        "pdf": render_pdf(copy.copy(paragraphs), folder / f"{path.stem}.pdf", header=header, hostile=hostile),
        "docx": render_docx(paragraphs, folder / f"{path.stem}.docx"),
    }
