"""Path expansion shared by `extract`, `ingest` and the web upload: files, folders and globs."""

from __future__ import annotations

from pathlib import Path

from graph.ingest.paths import REPORT_SUFFIXES, expand_paths
from graph.ingest.read import READERS


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_folders_give_their_report_files_sorted_and_recursively(tmp_path: Path) -> None:
    b, a, deep = touch(tmp_path / "b.txt"), touch(tmp_path / "a.PDF"), touch(tmp_path / "sub" / "c.docx")
    touch(tmp_path / "notes.csv")
    assert expand_paths([str(tmp_path)]) == ([a, b, deep], [])


def test_an_explicit_file_is_kept_whatever_its_type(tmp_path: Path) -> None:
    sheet = touch(tmp_path / "sheet.xlsx")
    assert expand_paths([str(sheet)]) == ([sheet], [])


def test_globs_missing_paths_and_duplicates(tmp_path: Path) -> None:
    one, two = touch(tmp_path / "one.txt"), touch(tmp_path / "two.txt")
    found, missing = expand_paths([str(two), str(tmp_path / "*.txt"), str(tmp_path / "none*.txt"), "nowhere.txt"])
    assert found == [two, one]  # argument order, each file once
    assert missing == [f"{tmp_path / 'none*.txt'}: no such file, folder or matching report",
                       "nowhere.txt: no such file, folder or matching report"]


def test_a_folder_without_reports_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    touch(tmp_path / "other" / "notes.xlsx")
    found, missing = expand_paths([str(tmp_path / "empty"), str(tmp_path / "other")])
    assert found == []
    assert [m.split(": ", 1)[1].split(" (")[0] for m in missing] == ["no reports found in this folder"] * 2


def test_a_fifo_named_explicitly_is_kept_for_the_reader_to_refuse(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert expand_paths([str(fifo)]) == ([fifo], [])
    found, missing = expand_paths([str(tmp_path)])  # a folder gives regular files only
    assert found == [] and "no reports found in this folder" in missing[0]


def test_report_suffixes_are_the_readers() -> None:
    assert set(REPORT_SUFFIXES) == set(READERS) >= {".txt", ".pdf", ".docx", ".html"}
