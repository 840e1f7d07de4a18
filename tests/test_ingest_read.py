"""Readers: every supported format in, pages of raw text out; bad input gives an IngestError with exit code 2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bad_inputs_support import build_pdf, text_stream

from graph.ingest.errors import (
    EXIT_BAD_INPUT,
    EmptyDocument,
    IngestError,
    NotEnglish,
    TooLarge,
    UnreadableDocument,
    UnsupportedFormat,
)
from graph.ingest.read import MAX_BYTES_ENV, read_document

ENGLISH = (
    "The participants identified poverty and a lack of education as the main problems that make people "
    "vulnerable to trafficking in the border provinces, and they agreed that the government should act."
)


# ---- helpers ----------------------------------------------------------------------------------

def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal, valid text PDF built by hand: Helvetica, one content stream per page, exact xref offsets."""
    return build_pdf([text_stream(lines) for lines in pages])


PDF_PAGES = [
    ["Report of the Consultation Workshop", "Poverty leads to unsafe migration."],
    ["Group One", "1. Lack of education in rural areas."],
    ["Closing Remarks", "The workshop ended with thanks."],
]


# ---- plain text -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Victims don’t report “abuse” – often.".encode(), "Victims don’t report “abuse” – often."),
        ("Victims don’t report “abuse” – often.".encode("utf-8-sig"), "Victims don’t report “abuse” – often."),
        ("Victims don’t report “abuse” – often.".encode("cp1252"), "Victims don’t report “abuse” – often."),
        ("Ms Lucía Núñez, côté".encode("cp1252"), "Ms Lucía Núñez, côté"),
    ],
    ids=["utf-8", "utf-8-sig", "cp1252-punctuation", "cp1252-accents"],
)
def test_txt_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.format == "txt"
    assert document.pages == (expected,)
    assert "\ufeff" not in document.pages[0]  # the BOM is not text
    assert document.has_page_numbers is False


def test_form_feeds_split_txt_into_numbered_pages(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_text("First page text.\n\fSecond page text.\n\fThird page text.\n", encoding="utf-8")
    document = read_document(path)
    assert document.has_page_numbers is True
    assert len(document.pages) == 3
    assert [p.strip() for p in document.pages] == ["First page text.", "Second page text.", "Third page text."]


def test_txt_form_feed_pages_reach_the_cleaned_lines(tmp_path: Path) -> None:
    from graph.ingest.clean import clean

    path = tmp_path / "paged.txt"
    path.write_text("Poverty is a problem.\n\fCorruption is a problem.\n\fWeak laws are a problem.\n", encoding="utf-8")
    lines = clean(read_document(path)).lines
    assert [(line.text, line.page) for line in lines] == [
        ("Poverty is a problem.", 1), ("Corruption is a problem.", 2), ("Weak laws are a problem.", 3)]


# ---- docx -------------------------------------------------------------------------------------

def test_docx_reads_paragraphs_lists_and_tables_in_body_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Problem Identification", level=1)
    document.add_paragraph("The groups listed these problems.")
    document.add_paragraph("Poverty in rural areas.", style="List Number")
    document.add_paragraph("Weak law enforcement.", style="List Number")
    document.add_paragraph("Brokers recruit in villages.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Priority"
    table.cell(0, 1).text = "Votes"
    table.cell(1, 0).text = "Cooperation"
    table.cell(1, 1).text = "12"
    document.add_paragraph("The vote closed the session.")
    path = tmp_path / "report.docx"
    document.save(str(path))

    raw = read_document(path)
    assert raw.format == "docx" and raw.has_page_numbers is False and len(raw.pages) == 1
    text = raw.pages[0]
    lines = [line for line in text.split("\n") if line.strip()]
    expected_order = ["Problem Identification", "The groups listed these problems.", "1. Poverty in rural areas.",
                      "2. Weak law enforcement.", "• Brokers recruit in villages.", "Priority", "Votes",
                      "Cooperation", "12", "The vote closed the session."]
    assert lines == expected_order


def test_corrupt_docx_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive at all" * 10)
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    assert raised.value.exit_code == EXIT_BAD_INPUT


# ---- html -------------------------------------------------------------------------------------

def test_html_restores_list_markers_and_drops_scripts(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(
        "<html><head><title>Ignored title</title><style>p {color: red}</style></head><body>"
        "<h2>Problem Identification</h2>"
        "<p>The groups listed these problems.</p>"
        "<ol><li>Poverty in rural areas.</li><li>Weak law enforcement.</li></ol>"
        "<script>var secret = 'do not read me';</script>"
        "<ul><li>Brokers recruit in villages.</li></ul>"
        "<h2>Prioritisation</h2><p>Participants voted.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    raw = read_document(path)
    assert raw.format == "html"
    lines = [line for line in raw.pages[0].split("\n") if line.strip()]
    assert lines == ["Problem Identification", "The groups listed these problems.", "1. Poverty in rural areas.",
                     "2. Weak law enforcement.", "• Brokers recruit in villages.", "Prioritisation",
                     "Participants voted."]
    assert "secret" not in raw.pages[0] and "color" not in raw.pages[0] and "Ignored title" not in raw.pages[0]


# ---- pdf --------------------------------------------------------------------------------------

def test_hand_built_pdf_is_valid_for_pypdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    reader = PdfReader(path, strict=True)  # strict: the xref offsets must be exact
    assert len(reader.pages) == 3


def test_pdf_pages_come_from_the_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    raw = read_document(path)
    assert raw.format == "pdf" and raw.has_page_numbers is True
    assert len(raw.pages) == 3
    for page_text, lines in zip(raw.pages, PDF_PAGES, strict=True):
        for line in lines:
            assert line in page_text


def test_pdf_page_numbers_reach_the_cleaned_lines(tmp_path: Path) -> None:
    from graph.ingest.clean import clean

    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    cleaned = clean(read_document(path))
    page_of = {line.text: line.page for line in cleaned.lines}
    assert page_of["Poverty leads to unsafe migration."] == 1
    assert page_of["1. Lack of education in rural areas."] == 2
    assert page_of["The workshop ended with thanks."] == 3
    offset = cleaned.text.index("Lack of education")
    assert cleaned.page_at(offset) == 2


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PDF_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(UnreadableDocument, match="encrypted") as raised:
        read_document(path)
    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert raised.value.path == path


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PDF_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "owner-only.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    raw = read_document(path)
    assert "Poverty leads to unsafe migration." in raw.pages[0]


# ---- bad input --------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("empty.txt", b"", EmptyDocument, "empty"),
        ("blank.txt", b"   \n\n \t \n", EmptyDocument, "no text"),
        ("garbage.txt", b"\x00\x01\x02\xff\xfe" * 400, UnreadableDocument, "binary"),
        ("nul.txt", b"Poverty is a problem.\x00\x00\x00 more text", UnreadableDocument, "binary"),
        ("garbage.html", b"<p>\x00\x00\x00\x00</p>" * 20, UnreadableDocument, "binary"),
        ("report.xlsx", b"some bytes", UnsupportedFormat, "unsupported file type"),
        ("report", b"no extension at all", UnsupportedFormat, "unsupported file type"),
        ("corrupt.pdf", b"\x8f\x13 not a pdf at all \xff" * 50, UnreadableDocument, "corrupt"),
        ("truncated.pdf", make_pdf(PDF_PAGES)[:120], UnreadableDocument, "corrupt|unreadable"),
    ],
    ids=["empty", "whitespace-only", "binary-garbage", "nul-bytes", "binary-html", "unsupported-ext",
         "no-ext", "corrupt-pdf", "truncated-pdf"],
)
def test_bad_input_raises_an_ingest_error_with_exit_code_2(tmp_path: Path, name: str, data: bytes,
                                                          error: type[IngestError], message: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(error, match=message) as raised:
        read_document(path)
    assert isinstance(raised.value, IngestError)
    assert raised.value.exit_code == 2
    assert str(path) in str(raised.value)  # the message names the file


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no such file") as raised:
        read_document(tmp_path / "absent.txt")
    assert raised.value.exit_code == 2


def test_size_limit_from_parameter(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", ENGLISH.encode() * 3)
    size = path.stat().st_size
    with pytest.raises(TooLarge, match="over the limit") as raised:
        read_document(path, max_bytes=size - 1)
    assert raised.value.exit_code == 2
    assert read_document(path, max_bytes=size).pages[0].startswith("The participants")


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "big.txt", ENGLISH.encode() * 3)
    size = path.stat().st_size
    monkeypatch.setenv(MAX_BYTES_ENV, str(size - 1))
    with pytest.raises(TooLarge):
        read_document(path)
    monkeypatch.setenv(MAX_BYTES_ENV, str(size))
    assert read_document(path).pages
    # An explicit limit wins over the environment.
    monkeypatch.setenv(MAX_BYTES_ENV, "10")
    assert read_document(path, max_bytes=size).pages


# ---- language ---------------------------------------------------------------------------------

FRENCH = (
    "Les participants ont identifié la pauvreté et le manque d'éducation comme les principaux problèmes qui "
    "rendent les personnes vulnérables à la traite dans les provinces frontalières. Ils ont convenu que le "
    "gouvernement doit agir rapidement pour renforcer la coopération entre les services de police et les "
    "communautés locales, et pour protéger les victimes de la traite des êtres humains."
)
LAO_SCRIPT = "ກອງປະຊຸມປຶກສາຫາລືກ່ຽວກັບການຕ້ານການຄ້າມະນຸດ ຈັດຂຶ້ນທີ່ນະຄອນຫຼວງວຽງຈັນ ໃນວັນທີ 9 ເມສາ 2013. " * 8


@pytest.mark.parametrize(("text", "is_english"), [(ENGLISH, True), (FRENCH, False), (LAO_SCRIPT, False),
                                                  ("Poverty. Education.", False)],
                         ids=["english", "french", "lao-script", "too-short"])
def test_check_english(text: str, is_english: bool) -> None:
    from graph.ingest.pipeline import check_english

    if is_english:
        assert check_english(Path("x.txt"), text) is None
    else:
        with pytest.raises(NotEnglish) as raised:
            check_english(Path("x.txt"), text)
        assert raised.value.exit_code == 2


@pytest.mark.parametrize("text", [FRENCH, LAO_SCRIPT], ids=["french", "lao-script"])
def test_extract_path_refuses_non_english_reports(tmp_path: Path, text: str) -> None:
    from graph.ingest.nlp import blank_nlp
    from graph.ingest.pipeline import extract_path

    path = _write(tmp_path, "rapport.txt", text.encode("utf-8"))
    with pytest.raises(NotEnglish, match="English|readable") as raised:
        extract_path(path, blank_nlp())
    assert raised.value.exit_code == 2
    assert raised.value.path == path


# ---- hardening (issue 11): one test per defect, each failing before its fix --------------------

def test_defect3_fifo_and_device_are_not_regular_files_at_once(tmp_path: Path) -> None:
    import os
    import time

    from graph.ingest.errors import NotRegularFile
    from graph.ingest.read import check_regular_file

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    for path, kind in ((fifo, "named pipe"), (Path("/dev/zero"), "device"), (tmp_path, "folder")):
        with pytest.raises(NotRegularFile, match=f"not a regular file: it is a {kind}") as raised:
            read_document(path)
        assert raised.value.exit_code == 2
        with pytest.raises(NotRegularFile):
            check_regular_file(path)  # what a caller must run before it opens or hashes a path
    assert time.monotonic() - started < 5


def test_defect18_a_fifo_is_not_called_missing(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError) as raised:
        read_document(fifo)
    assert "no such file" not in str(raised.value)


def test_defect4_docx_billion_laughs_and_xxe_are_refused_before_parsing(tmp_path: Path) -> None:
    from bad_inputs_support import billion_laughs_docx, xxe_docx

    for name, data in (("laughs.docx", billion_laughs_docx()), ("xxe.docx", xxe_docx())):
        path = _write(tmp_path, name, data)
        with pytest.raises(UnreadableDocument, match="declares a DTD or entities") as raised:
            read_document(path)
        assert raised.value.exit_code == 2


def test_defect4_docx_with_one_huge_text_node_is_a_clear_error(tmp_path: Path) -> None:
    from bad_inputs_support import huge_text_node_docx

    path = _write(tmp_path, "huge.docx", huge_text_node_docx())
    with pytest.raises(UnreadableDocument, match="cannot be parsed safely"):
        read_document(path)


def test_defect5_pdf_streams_are_capped_in_total_not_one_by_one(tmp_path: Path) -> None:
    from bad_inputs_support import pdf_bomb

    from graph.ingest.errors import LimitExceeded

    # 12 pages of 4 MB each: every stream is under pypdf's own 75 MB cap, the total is over ours.
    path = _write(tmp_path, "bomb.pdf", pdf_bomb(pages=12, per_page=4_000_000))
    with pytest.raises(LimitExceeded, match="decompression bomb") as raised:
        read_document(path, max_bytes=1_000_000)  # cap: max(4 x 1 MB, 32 MB)
    assert raised.value.exit_code == 2
    # With a limit that allows it, the same file reads.
    assert "Poverty" in read_document(path, max_bytes=50_000_000).pages[0]


def test_defect5_docx_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    from bad_inputs_support import zip_bomb_docx

    from graph.ingest.errors import LimitExceeded

    path = _write(tmp_path, "bomb.docx", zip_bomb_docx(60_000_000))
    with pytest.raises(LimitExceeded, match="zip bomb"):
        read_document(path, max_bytes=1_000_000)


def test_defect5_reading_has_a_wall_clock_limit(tmp_path: Path) -> None:
    from graph.ingest.errors import LimitExceeded

    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    with pytest.raises(LimitExceeded, match="longer than 0 s"):
        read_document(path, time_limit=0)


def test_defect12_one_invalid_byte_keeps_utf8_with_a_replacement_and_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "The workshop in Hà Nội discussed “safe migration” – and the NPA.\n"
    path = _write(tmp_path, "report.txt", text.encode("utf-8") + b"Bad byte: \xff here.\n")
    with caplog.at_level("WARNING", logger="graph.ingest"):
        document = read_document(path)
    assert document.pages[0].startswith(text)  # not "HÃ Ná»™i"
    assert "\ufffd" in document.pages[0]
    assert document.warnings and "not valid UTF-8" in document.warnings[0]
    assert "not valid UTF-8" in caplog.text


def test_cp1252_is_still_cp1252(tmp_path: Path) -> None:
    path = _write(tmp_path, "report.txt", "Ms Lucía Núñez – “quoted”".encode("cp1252"))
    document = read_document(path)
    assert document.pages[0] == "Ms Lucía Núñez – “quoted”" and not document.warnings


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_defect13_encrypted_pdfs_open_with_an_empty_user_password(tmp_path: Path, algorithm: str) -> None:
    from bad_inputs_support import encrypted_pdf

    path = _write(tmp_path, "open.pdf", encrypted_pdf("", algorithm))
    assert "Problem Identification" in read_document(path).pages[0]


@pytest.mark.parametrize("algorithm", ["AES-256", "RC4-128"])
def test_defect13_a_password_protected_pdf_says_encrypted(tmp_path: Path, algorithm: str) -> None:
    from bad_inputs_support import encrypted_pdf

    from graph.ingest.errors import EncryptedDocument

    path = _write(tmp_path, "locked.pdf", encrypted_pdf("secret", algorithm))
    with pytest.raises(EncryptedDocument, match="encrypted with a password"):
        read_document(path)


def test_defect18_iframe_object_and_embed_fallback_text_is_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, "report.html", (
        b"<html><body><h2>Problem Identification</h2><p>Poverty is a problem.</p>"
        b"<iframe src='x'>IFRAME FALLBACK</iframe><object data='y'><p>OBJECT FALLBACK</p></object>"
        b"<embed src='z'><noembed>NOEMBED TEXT</noembed><video>VIDEO TEXT</video><canvas>CANVAS TEXT</canvas>"
        b"<template><p>TEMPLATE</p></template><p>Corruption is a problem.</p></body></html>"))
    text = read_document(path).pages[0]
    assert "Poverty is a problem." in text and "Corruption is a problem." in text
    assert not any(word in text for word in ("FALLBACK", "NOEMBED", "VIDEO", "CANVAS", "TEMPLATE"))


def test_defect18_pypdf_warnings_are_folded_into_the_message(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    data = make_pdf(PDF_PAGES)
    path = _write(tmp_path, "broken.pdf", data[:len(data) // 2] + b"%%EOF")
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    assert "[pypdf: " in str(raised.value)
    captured = capfd.readouterr()
    assert "pypdf" not in captured.err.lower() and "EOF marker" not in captured.err


def test_max_bytes_from_environment_accepts_units_and_refuses_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.ingest.read import max_bytes_from_env, parse_size

    assert parse_size("100MB") == 100_000_000 and parse_size("50 MiB") == 50 * 1024 * 1024
    assert parse_size("5000") == 5000
    monkeypatch.setenv(MAX_BYTES_ENV, "100MB")
    assert max_bytes_from_env() == 100_000_000
    for bad in ("lots", "-5", "0", "12 parsecs"):
        monkeypatch.setenv(MAX_BYTES_ENV, bad)
        with pytest.raises(ValueError, match="GMSGRAPH_MAX_BYTES"):
            max_bytes_from_env()


def test_defect11_english_text_that_is_not_a_report_is_refused(tmp_path: Path) -> None:
    from bad_inputs_support import RECIPE

    from graph.ingest.errors import NotAReport
    from graph.ingest.nlp import blank_nlp
    from graph.ingest.pipeline import extract_path

    path = _write(tmp_path, "recipe.txt", RECIPE.encode())
    with pytest.raises(NotAReport, match="nothing of a consultation report was found") as raised:
        extract_path(path, blank_nlp())
    assert raised.value.exit_code == 2


# ---- Word list styles and reflowed PDFs --------------------------------------------------------

def test_docx_list_styles_and_numbering_give_markers_with_levels(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Poverty.", style="List Number")
    document.add_paragraph("Weak laws.", style="List Number")
    document.add_paragraph("Brokers.", style="List Bullet")
    document.add_paragraph("In villages.", style="List Bullet 2")
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f"<w:abstractNum {nsdecls('w')} w:abstractNumId=\"77\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%1)\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
        "<w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum>"))
    numbering.append(parse_xml(f"<w:num {nsdecls('w')} w:numId=\"77\"><w:abstractNumId w:val=\"77\"/></w:num>"))
    for text, level in (("Women are deceived.", 0), ("Returnees get no help.", 0), ("No jobs.", 1),
                        ("Stigma.", 1), ("Border guards lack training.", 0)):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f"<w:numPr {nsdecls('w')}><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"77\"/></w:numPr>"))
    path = tmp_path / "lists.docx"
    document.save(str(path))
    lines = [line for line in read_document(path).pages[0].split("\n") if line.strip()]
    assert lines == ["1. Poverty.", "2. Weak laws.", "• Brokers.", "◦ In villages.", "(a) Women are deceived.",
                     "(b) Returnees get no help.", "i. No jobs.", "ii. Stigma.", "(c) Border guards lack training."]
