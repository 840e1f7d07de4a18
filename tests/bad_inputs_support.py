"""Bad inputs made in the tests (no binaries are committed), and a bounded child process that reads one.

``make_corpus(folder)`` writes every kind of bad file the hardening issue lists and returns
``{name: (path, max_bytes)}``. ``run_bounded(path)`` reads, cleans and structures the file in a
child process under ``resource`` limits (address space, CPU time) and a wall-clock timeout, and
returns what happened as a dict: the error type, message and exit code, the seconds it took and
the child's peak memory. The child runs the same stages as ``gmsgraph ingest`` up to the spaCy
parse (read, clean, the English and genre checks, structure), so the model is never loaded.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space for the child
CPU_LIMIT = 60  # seconds of CPU for the child
WALL_LIMIT = 90  # seconds before the child is killed

ENGLISH_REPORT = """Report of the National Consultation Workshop

Problem Identification

Working Group A

1. Poverty in rural areas pushes young people to migrate through brokers.
2. Officials at the border are not trained to identify the victims of trafficking.
3. The national budget for the anti-trafficking committee is small and depends on donors.

Visioning

Vision: Every victim of trafficking is identified, protected and supported to recover.
"""


def build_pdf(page_streams: list[bytes], *, filters: bool = False, extra: dict[int, bytes] | None = None,
         pages_object: bytes | None = None) -> bytes:
    """A PDF with one content stream per page (FlateDecode when ``filters``), exact xref offsets."""
    n = len(page_streams)
    font_id = 3 + 2 * n
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: pages_object or ("<< /Type /Pages /Kids [" + " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
                            + f"] /Count {n} >>").encode(),
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for i, stream in enumerate(page_streams):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>").encode()
        body = zlib.compress(stream, 9) if filters else stream
        flt = b" /Filter /FlateDecode" if filters else b""
        objects[content_id] = b"<< /Length %d%s >>\nstream\n" % (len(body), flt) + body + b"\nendstream"
    objects.update(extra or {})
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets.get(number, 0))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def text_stream(lines: list[str]) -> bytes:
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops += [f"({escaped}) Tj", "T*"]
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def report_pdf() -> bytes:
    return build_pdf([text_stream([line for line in ENGLISH_REPORT.splitlines() if line.strip()])])


def encrypted_pdf(user_password: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(report_pdf())).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_bomb(pages: int = 40, per_page: int = 20_000_000) -> bytes:
    """Pages whose compressed content streams each inflate to ``per_page`` bytes of blanks."""
    stream = b"BT /F1 12 Tf 72 720 Td (Poverty) Tj ET\n" + b" " * per_page
    return build_pdf([stream] * pages, filters=True)


def docx_bytes(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal package: content types, the relationship to the main part, and that part."""
    content_types = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     b'<Default Extension="rels" '
                     b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     b'<Default Extension="xml" ContentType="application/xml"/>'
                     b'<Override PartName="/word/document.xml" '
                     b'ContentType="application/vnd.openxmlformats-officedocument.'
                     b'wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'officeDocument" Target="word/document.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraphs(*texts: str) -> bytes:
    body = b"".join(b"<w:p><w:r><w:t>" + t.encode() + b"</w:t></w:r></w:p>" for t in texts)
    return docx_bytes(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W_NS + b"><w:body>" + body
                      + b"</w:body></w:document>")


def billion_laughs_docx() -> bytes:
    entities = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b']><w:document ' + W_NS
           + b'><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return docx_bytes(xml)


def xxe_docx() -> bytes:
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document '
           + W_NS + b'><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    return docx_bytes(xml)


def huge_text_node_docx(size: int = 11_000_000) -> bytes:
    return docx_paragraphs("Poverty " * (size // 8))


def zip_bomb_docx(size: int = 300_000_000) -> bytes:
    """A DOCX with a member that inflates to ``size`` bytes (written in chunks, compressed to ~0.1%)."""
    out = io.BytesIO(docx_paragraphs("Poverty is a problem."))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("word/media/bomb.bin", "w",
                                                                                   force_zip64=True) as handle:
        chunk = b"\0" * 1_000_000
        for _ in range(size // len(chunk)):
            handle.write(chunk)
    return out.getvalue()


FOREIGN = {
    "chinese": ("湄公河次区域反对拐卖人口协调机制的国家磋商会议于二零一三年在北京举行。"
                "与会者讨论了贫困、移民和执法等主要问题。") * 20,
    "french": ("Les participants ont identifié la pauvreté et le manque d'éducation comme les principaux problèmes qui "
               "rendent les personnes vulnérables à la traite dans les provinces frontalières. Ils ont convenu que le "
               "gouvernement doit agir rapidement pour renforcer la coopération entre les services. ") * 5,
}
RECIPE = """Banana Bread

Ingredients

Three ripe bananas, two cups of flour, one cup of sugar, a teaspoon of baking soda, a pinch of salt and half a
cup of melted butter are all that you need for this simple loaf.

Method

Preheat the oven to 180 degrees. Mash the bananas in a bowl with a fork, then stir in the melted butter. Mix in
the sugar, the baking soda and the salt, and then fold in the flour until it is just combined. Pour the batter
into a buttered loaf tin and bake it for about an hour, until a skewer that is pushed into the centre comes out
clean. Leave the bread to cool in the tin for ten minutes before you turn it out onto a rack.
"""


def make_corpus(folder: Path) -> dict[str, tuple[Path, int | None]]:
    """Every bad input, written into ``folder``: name -> (path, max_bytes to read it with)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    cases: dict[str, tuple[Path, int | None]] = {}

    def write(name: str, filename: str, data: bytes, max_bytes: int | None = None) -> None:
        path = folder / filename
        path.write_bytes(data)
        cases[name] = (path, max_bytes)

    write("empty", "empty.txt", b"")
    write("whitespace", "blank.txt", b"  \n\n\t \n" * 10)
    for ext in ("txt", "pdf", "docx", "html"):
        write(f"random-{ext}", f"random.{ext}", bytes(rng.randrange(256) for _ in range(4096)))
    write("truncated-pdf", "truncated.pdf", report_pdf()[:300])
    write("truncated-docx", "truncated.docx", docx_paragraphs(ENGLISH_REPORT)[:200])
    write("rc4-password", "rc4-locked.pdf", encrypted_pdf("secret", "RC4-128"))
    write("aes-password", "aes-locked.pdf", encrypted_pdf("secret", "AES-256"))
    write("image-only-pdf", "image-only.pdf", build_pdf([b"q 100 0 0 100 0 0 cm 0.5 g 0 0 1 1 re f Q"]))
    write("blank-pdf", "blank.pdf", build_pdf([b""]))
    write("self-referencing-pdf", "self-ref.pdf",
          build_pdf([text_stream(["Poverty"])], pages_object=b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"))
    write("page-tree-loop-pdf", "tree-loop.pdf",
          build_pdf([text_stream(["Poverty"])], pages_object=b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"))
    write("pdf-bomb", "bomb.pdf", pdf_bomb(), 2_500_000)
    write("docx-zip-bomb", "bomb.docx", zip_bomb_docx(), 2_500_000)
    write("billion-laughs", "laughs.docx", billion_laughs_docx())
    write("xxe", "xxe.docx", xxe_docx())
    write("huge-text-node", "huge-node.docx", huge_text_node_docx())
    write("html-unclosed-script", "unclosed.html",
          b"<html><body><script>var report = 'Poverty leads to trafficking in the provinces';" * 20)
    write("over-size-text", "big.txt", ENGLISH_REPORT.encode() * 50, 4096)
    write("huge-paragraph", "paragraph.txt",
          ("Problem Identification\n\n" + "Poverty leads to unsafe migration and trafficking. " * 40_000).encode())
    write("chinese", "chinese.txt", FOREIGN["chinese"].encode())
    write("french", "french.txt", FOREIGN["french"].encode())
    write("non-report", "recipe.txt", RECIPE.encode())
    write("markers-only", "markers.txt", "1.\n2.\n3)\n•\n-\na.\n(i)\n".encode())
    write("unsupported-extension", "report.xlsx", b"PK\x03\x04 spreadsheet")
    cases["missing-path"] = (folder / "absent.txt", None)
    empty_dir = folder / "empty-folder"
    empty_dir.mkdir()
    cases["folder"] = (empty_dir, None)
    loop = folder / "loop.txt"
    os.symlink(loop, loop)
    cases["symlink-loop"] = (loop, None)
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    cases["fifo"] = (fifo, None)
    cases["device"] = (Path("/dev/zero"), None)
    return cases


# --- the bounded child -------------------------------------------------------------------------

_CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.monotonic()
result = {}
try:
    from graph.ingest.read import read_document
    from graph.ingest.clean import clean
    path = Path(sys.argv[1])
    max_bytes = int(sys.argv[2]) if sys.argv[2] != "-" else None
    document = read_document(path, max_bytes=max_bytes)
    cleaned = clean(document)
    from graph.ingest.pipeline import check_english, check_genre  # imports spaCy: only when read and clean passed
    from graph.ingest.structure import build_blocks
    check_english(path, cleaned.text)
    check_genre(path, build_blocks(cleaned))
    result = {"error": None, "warnings": list(document.warnings), "chars": len(cleaned.text)}
except Exception as exc:
    result = {"error": type(exc).__name__, "message": str(exc), "exit_code": getattr(exc, "exit_code", None)}
result["seconds"] = time.monotonic() - start
result["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(result))
"""


def _limits() -> None:  # runs in the child before it starts
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def run_bounded(path: Path, max_bytes: int | None = None) -> dict:
    """Read, clean and structure ``path`` in a child with memory, CPU and wall-clock limits."""
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(max_bytes) if max_bytes else "-"],
        capture_output=True, text=True, timeout=WALL_LIMIT, preexec_fn=_limits, stdin=subprocess.DEVNULL,
        cwd=Path(__file__).resolve().parents[1])
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        return {"error": "crashed", "returncode": completed.returncode, "stderr": completed.stderr[-2000:]}
    result = json.loads(lines[-1])
    result["stderr"] = completed.stderr
    return result
