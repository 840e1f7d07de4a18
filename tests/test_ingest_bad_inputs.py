"""The bad-input corpus (issue 11): every kind of hostile or broken file, generated here, is refused
with a clear message and exit code 2, within bounded time and memory.

Each file is read, cleaned and checked in a child process under ``resource`` limits (address space
and CPU time) and a wall-clock timeout, because a library without limits of its own (a zip or
stream bomb in pypdf, python-docx or lxml) would otherwise take the test run down with it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bad_inputs_support import MEMORY_LIMIT, make_corpus, run_bounded

# name -> (error type, words the message must contain)
EXPECTED: dict[str, tuple[str, str]] = {
    "empty": ("EmptyDocument", "the file is empty"),
    "whitespace": ("EmptyDocument", "no text could be read"),
    "random-txt": ("UnreadableDocument", "binary, not text"),
    "random-pdf": ("UnreadableDocument", "PDF is corrupt or unreadable"),
    "random-docx": ("UnreadableDocument", "DOCX is corrupt or unreadable"),
    "random-html": ("UnreadableDocument", "binary, not HTML"),
    "truncated-pdf": ("UnreadableDocument", "PDF is corrupt or unreadable"),
    "truncated-docx": ("UnreadableDocument", "DOCX is corrupt or unreadable"),
    "rc4-password": ("EncryptedDocument", "encrypted with a password"),
    "aes-password": ("EncryptedDocument", "encrypted with a password"),
    "image-only-pdf": ("EmptyDocument", "image-only PDF has no text layer"),
    "blank-pdf": ("EmptyDocument", "no text could be read"),
    "self-referencing-pdf": ("UnreadableDocument", "corrupt or unreadable"),
    "page-tree-loop-pdf": ("UnreadableDocument", "corrupt or unreadable"),
    "pdf-bomb": ("LimitExceeded", "decompression bomb"),
    "docx-zip-bomb": ("LimitExceeded", "zip bomb"),
    "billion-laughs": ("UnreadableDocument", "billion laughs"),
    "xxe": ("UnreadableDocument", "external-entity (XXE)"),
    "huge-text-node": ("UnreadableDocument", "cannot be parsed safely"),
    "html-unclosed-script": ("EmptyDocument", "no text could be read"),
    "over-size-text": ("TooLarge", "over the limit of 4,096"),
    "huge-paragraph": ("LimitExceeded", "one paragraph is over 100,000 characters"),
    "chinese": ("NotEnglish", "readable text"),
    "french": ("NotEnglish", "does not look like English"),
    "non-report": ("NotAReport", "nothing of a consultation report was found"),
    "markers-only": ("NotEnglish", "too little readable text"),
    "unsupported-extension": ("UnsupportedFormat", "unsupported file type '.xlsx'"),
    "missing-path": ("UnreadableDocument", "no such file"),
    "folder": ("NotRegularFile", "not a regular file: it is a folder"),
    "symlink-loop": ("UnreadableDocument", "symbolic links"),
    "fifo": ("NotRegularFile", "not a regular file: it is a named pipe"),
    "device": ("NotRegularFile", "not a regular file: it is a device"),
}
MAX_SECONDS = 20  # per file, imports included, on a shared 2-core machine


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    cases = make_corpus(tmp_path_factory.mktemp("bad-inputs"))
    assert set(cases) == set(EXPECTED)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(run_bounded, path, max_bytes) for name, (path, max_bytes) in cases.items()}
        return {name: future.result() for name, future in futures.items()}


def test_the_corpus_covers_every_kind_the_issue_lists() -> None:
    assert len(EXPECTED) >= 32


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_refused_with_a_clear_message_in_bounded_time_and_memory(outcomes: dict[str, dict],
                                                                                name: str) -> None:
    error, words = EXPECTED[name]
    outcome = outcomes[name]
    assert outcome["error"] == error, outcome
    assert words in outcome["message"], outcome["message"]
    assert outcome["exit_code"] == 2
    assert outcome["seconds"] < MAX_SECONDS
    assert outcome["max_rss_kb"] * 1024 < MEMORY_LIMIT
    # No library prints its own warnings: what pypdf said is folded into the message.
    assert "pypdf" not in outcome["stderr"].lower(), outcome["stderr"]
    assert "Traceback" not in outcome["stderr"]


def test_bombs_stop_well_below_what_they_expand_to(outcomes: dict[str, dict]) -> None:
    # The PDF bomb inflates to 800 MB and the DOCX member to 300 MB; the caps stop both early.
    assert outcomes["pdf-bomb"]["max_rss_kb"] < 400 * 1024
    assert outcomes["docx-zip-bomb"]["max_rss_kb"] < 400 * 1024


def test_the_good_variants_of_the_corpus_read(tmp_path: Path) -> None:
    """The same generators, without the defect, give a report: the corpus tests the defect, not the maker."""
    from bad_inputs_support import ENGLISH_REPORT, docx_paragraphs, encrypted_pdf, report_pdf

    good = {"plain.pdf": report_pdf(), "aes-open.pdf": encrypted_pdf("", "AES-256"),
            "rc4-open.pdf": encrypted_pdf("", "RC4-128"), "plain.docx": docx_paragraphs(*ENGLISH_REPORT.splitlines()),
            "report.txt": ENGLISH_REPORT.encode()}
    for name, data in good.items():
        (tmp_path / name).write_bytes(data)
        outcome = run_bounded(tmp_path / name)
        assert outcome["error"] is None, (name, outcome)
        assert outcome["chars"] > 200
