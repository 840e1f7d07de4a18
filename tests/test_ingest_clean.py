"""Cleaning: mojibake repair (only where the signature shows), page furniture removal, unwrapping, offsets."""

from __future__ import annotations

import re

import pytest
from ingest_support import LAO_REPORT, cleaned, raw

from graph.ingest.clean import clean, has_mojibake_signature, repair_mojibake
from graph.ingest.read import read_document


@pytest.fixture(scope="module")
def lao_clean():
    return clean(read_document(LAO_REPORT))


# ---- mojibake ---------------------------------------------------------------------------------

def test_lao_report_mojibake_is_repaired(lao_clean) -> None:
    text = lao_clean.text
    assert lao_clean.repaired_mojibake is True
    # No shifted apostrophes left in contractions or possessives, and no shifted quotes.
    assert not re.search(r"[A-Za-z][ôó](?:s|t|ll|re|ve|d|m)\b", text)
    assert not re.search(r"[ñòôóï]", text)
    assert "“" in text and "”" in text and "’" in text
    assert "don’t" in text
    # The shifted bullets became real ones, and list items survive as items.
    assert "¶" not in text and "Å" not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The groupôs members donôt agree.", "The group’s members don’t agree."),
        ("ñSafe migrationò is óneededô.", "“Safe migration” is ‘needed’."),
        ("2012 ï 2015", "2012 – 2015"),
        ("¶ Needs a budget;\nÅ A campaign", "• Needs a budget;\n• A campaign"),
    ],
)
def test_repair_mojibake(text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("The groupôs view. Victims donôt report. They wonôt return. We canôt wait.", True),
        (
            "Ms Lucía Núñez spoke. The côté of the river. Mr Muñoz, señor, and Ms Ibáñez attended. L'hôtel was full.",
            False,
        ),
        ("One groupôs view only.", False),  # a single hit is not a signature
    ],
    ids=["shifted-apostrophes", "real-spanish-french", "one-hit"],
)
def test_mojibake_signature(text: str, signature: bool) -> None:
    assert has_mojibake_signature(text) is signature


def test_real_accents_are_never_repaired() -> None:
    text = (
        "Opening\n\nMs Lucía Núñez, a visiting adviser, described work on the fishing sector.\n"
        "Mr Muñoz spoke about the côté of the river and the señor who hosted the meeting.\n"
        "Participants from the hôtel school joined the discussion on trafficking.\n"
    )
    result = cleaned(text)
    assert result.repaired_mojibake is False
    assert "Lucía Núñez" in result.text and "côté" in result.text and "señor" in result.text and "hôtel" in result.text
    assert "“" not in result.text and "’" not in result.text


# ---- page furniture ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    ["Page 3 of 9", "page 3", "12", "- 12 -", "3/9", "  Page 4 of 12  "],
)
def test_page_number_lines_are_dropped(furniture: str) -> None:
    result = cleaned(f"Poverty is a serious problem in rural areas.\n{furniture}\n\nCorruption weakens the courts.\n")
    assert [line.text for line in result.lines] == [
        "Poverty is a serious problem in rural areas.",
        "Corruption weakens the courts.",
    ]
    assert result.dropped.get("page numbers") == 1


def test_numbers_inside_text_are_not_page_numbers() -> None:
    result = cleaned("Around 12 victims were identified in 2012.\n\n1. Poverty.\n")
    assert [line.text for line in result.lines] == ["Around 12 victims were identified in 2012.", "1. Poverty."]


def _page(n: int, word: str) -> str:
    return (
        f"Lao PDR Consultation Report\n\n"
        f"Paragraph {word} says that poverty is a problem in the provinces and that\n"
        f"families send their children to work in the cities, where brokers\n"
        f"wait for them.\n\n"
        f"{n}. Problem {word} is serious.\n{n + 10}. Problem {word} is growing.\n{n + 20}. Problem {word} is new.\n\n"
        f"UNIAP 2013 | Page {n}\n"
    )


def test_running_headers_and_footers_repeated_across_pages_are_dropped() -> None:
    words = ["one", "two", "three", "four"]
    result = cleaned(*(_page(n, w) for n, w in enumerate(words, start=1)))
    assert "Lao PDR Consultation Report" not in result.text
    assert "UNIAP 2013" not in result.text
    paragraphs = [line for line in result.lines if line.text.startswith("Paragraph")]
    assert [line.text for line in paragraphs] == [
        f"Paragraph {w} says that poverty is a problem in the provinces and that families send their children to work "
        f"in the cities, where brokers wait for them."
        for w in words
    ]
    assert [line.page for line in paragraphs] == [1, 2, 3, 4]
    assert result.dropped.get("running headers and footers", 0) == 8


def test_a_heading_on_only_one_page_is_not_a_running_header() -> None:
    pages = [
        "Group One\n1. Poverty.\n",
        "Group Two\n1. Corruption.\n",
        "Group Three\n1. Weak laws.\n",
        "Closing\nThanks.\n",
    ]
    result = cleaned(*pages)
    assert "Group One" in result.text and "Group Three" in result.text and "Closing" in result.text


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(" " * 24, id="blank-rule"),
        pytest.param("__________", id="underscore-rule"),
        pytest.param("----------", id="dash-rule"),
    ],
)
def test_footnote_bodies_are_kept_as_footnotes_not_content(rule: str) -> None:
    page1 = (
        "The COMMIT process1 was launched in 2004 and guides the national plans.\n"
        "It is supported by the governments of the region.\n"
        f"{rule}\n"
        "1 See http://www.no-trafficking.org/commit.html for more\n"
        "information on the process.\n"
    )
    page2 = "Group One\n\n1. Poverty.\n"
    result = cleaned(page1, page2)
    assert len(result.footnotes) == 1
    note = result.footnotes[0]
    assert note.number == 1 and note.page == 1
    assert note.text == "See http://www.no-trafficking.org/commit.html for more information on the process."
    assert "http" not in result.text and "See " not in result.text
    # The footnote marker glued to the word is gone from the content.
    assert "The COMMIT process was launched in 2004" in result.text
    assert "1. Poverty." in result.text
    assert result.dropped.get("footnote lines") == 2


@pytest.mark.parametrize(
    ("pages", "caption", "kept"),
    [
        # Inside a list.
        (
            ("Group One\n\n1. Poverty.\n\nParticipants discuss problems identified\n\n2. Lack of education.\n",),
            "Participants discuss problems identified",
            ["1. Poverty.", "2. Lack of education."],
        ),
        # At the edge of a page, right after a list item.
        (
            (
                "Group One\n\n1. Poverty.\n2. Lack of education.\n"
                "Participants gather for a group photo during consultation event",
                "3. Weak law enforcement.\n4. Corruption of officials.\n",
            ),
            "group photo",
            ["1. Poverty.", "2. Lack of education.", "3. Weak law enforcement."],
        ),
        # The same, where the page ends with a newline before its form feed, as text exports do.
        pytest.param(
            (
                "Group One\n\n1. Poverty.\n2. Lack of education.\n"
                "Participants gather for a group photo during consultation event\n",
                "3. Weak law enforcement.\n4. Corruption of officials.\n",
            ),
            "group photo",
            ["1. Poverty.", "2. Lack of education.", "3. Weak law enforcement."],
        ),
        # Glued to the heading that follows it.
        (
            (
                "The trees were drawn on the wall.\n\nParticipants debate problem tree analyses\n"
                "Group Two\n\n1. Corruption.\n",
            ),
            "Participants debate",
            ["The trees were drawn on the wall.", "Group Two", "1. Corruption."],
        ),
        # A "Photo:" caption between paragraphs.
        (
            (
                "Poverty drives migration.\n\nPhoto: Working Group B presents its results map.\n"
                "\nCorruption weakens courts.\n",
            ),
            "Photo:",
            ["Poverty drives migration.", "Corruption weakens courts."],
        ),
    ],
    ids=["in-list", "page-edge", "page-edge-trailing-newline", "glued-before-heading", "photo-label"],
)
def test_photo_captions_are_dropped(pages: tuple[str, ...], caption: str, kept: list[str]) -> None:
    result = cleaned(*pages)
    assert caption not in result.text
    texts = [line.text for line in result.lines]
    for line in kept:
        assert line in texts
    assert result.dropped.get("caption lines", 0) >= 1


def test_a_short_caption_like_heading_is_still_content() -> None:
    result = cleaned("Participants agreed that poverty leads to unsafe migration.\n")
    assert result.lines[0].text == "Participants agreed that poverty leads to unsafe migration."


def test_sentences_about_participants_are_not_captions() -> None:
    text = (
        "The participants presented the problems they had identified and explained that poverty leads to "
        "unsafe migration in the north.\n"
    )
    result = cleaned(text)
    assert len(result.lines) == 1
    assert "poverty leads to unsafe migration" in result.text


def test_one_sentence_paragraphs_of_a_short_report_stay_apart() -> None:
    paragraphs = [
        "Poverty is a serious problem in the northern provinces.",
        "Corruption weakens the courts and the police.",
        "Brokers recruit young people in the villages.",
        "Many migrants travel without documents.",
    ]
    result = cleaned("\n\n".join(paragraphs) + "\n")
    assert [line.text for line in result.lines] == paragraphs


def test_many_one_sentence_paragraphs_stay_apart() -> None:
    paragraphs = [
        "Poverty is a serious problem in the northern provinces.",
        "Corruption weakens the courts and the police.",
        "Brokers recruit young people in the villages.",
        "Many migrants travel without documents.",
        "Shelters lack trained staff and funding.",
        "Border officials are moved too often.",
        "Victims fear the police and do not report.",
        "Employers confiscate the passports of workers.",
        "Awareness campaigns do not reach remote areas.",
        "Cooperation between ministries is weak.",
        "Data on victims is not shared between agencies.",
        "Reintegration services are insufficient.",
    ]
    result = cleaned("\n\n".join(paragraphs) + "\n")
    assert [line.text for line in result.lines] == paragraphs


def test_double_spaced_pdf_text_is_unwrapped() -> None:
    lines = [
        "Group Four ",
        "1. There is no comprehensive anti-trafficking law. Even when laws are disseminated and ",
        "widely known, they may still not be functioning well. We need stronger definitions in existing ",
        "laws, especially in relation to anti-trafficking activities. ",
        "2. Insufficient enforcement and implementation of current laws. ",
        "3. Over reliance on mediation / reconciliation at unit and village level. Sometimes, the result is ",
        "no justice for victims. ",
        "4. Limited awareness of legal rights. ",
        "5. Customary law does not always fit with obligations under international conventions. ",
        "6. The Government needs to take ownership: ",
        "- Needs to allocate a sustained budget towards anti-",
        "trafficking; ",
        "- Long term thinking is required. ",
    ]
    result = cleaned("\n\n".join(lines) + "\n\n")
    assert [line.text for line in result.lines] == [
        "Group Four",
        "1. There is no comprehensive anti-trafficking law. Even when laws are disseminated and widely known, they may "
        "still not be functioning well. We need stronger definitions in existing laws, especially in relation to "
        "anti-trafficking activities.",
        "2. Insufficient enforcement and implementation of current laws.",
        "3. Over reliance on mediation / reconciliation at unit and village "
        "level. Sometimes, the result is no justice for victims.",
        "4. Limited awareness of legal rights.",
        "5. Customary law does not always fit with obligations under international conventions.",
        "6. The Government needs to take ownership:",
        "- Needs to allocate a sustained budget towards anti-trafficking;",
        "- Long term thinking is required.",
    ]


def test_lao_report_wrapped_item_is_one_line(lao_clean) -> None:
    texts = [line.text for line in lao_clean.lines]
    assert (
        "1. There is no comprehensive anti-trafficking law. Even when laws are disseminated and widely known, they may "
        "still not be functioning well. We need stronger definitions in existing laws, especially in relation to "
        "anti-trafficking activities."
    ) in texts
    assert "9. A need for more comprehensive re-integration programs so victims don’t go back re-trafficked" in texts


def test_lao_report_furniture_is_gone(lao_clean) -> None:
    text = lao_clean.text
    assert "Participants gather for a group photo" not in text
    assert "no-trafficking.org" not in text and "no -trafficking.org" not in text
    assert not any(re.fullmatch(r"\d{1,3}", line.text) for line in lao_clean.lines)
    assert {f.number for f in lao_clean.footnotes} >= {1, 2, 3}
    assert any("Handbook on Planning" in f.text for f in lao_clean.footnotes)


# ---- offsets ----------------------------------------------------------------------------------


def _check_offsets(result) -> None:
    assert result.lines
    previous_end = -1
    for line in result.lines:
        assert result.text[line.start : line.end] == line.text
        assert line.start > previous_end
        previous_end = line.end
        assert result.page_at(line.start) == line.page
        assert result.page_at(line.end - 1) == line.page
    assert result.lines[-1].end == len(result.text)


def test_every_lao_line_indexes_the_cleaned_text(lao_clean) -> None:
    _check_offsets(lao_clean)
    pages = [line.page for line in lao_clean.lines]
    assert pages == sorted(pages)  # pages run forward
    assert pages[0] == 1 and pages[-1] > 10  # inferred from the leading-space page breaks


@pytest.mark.parametrize(
    "pages",
    [
        ("Group One\n\n1. Poverty.\n2. Lack of\neducation.\n", "Page 2\nGroup Two\n\n- Corruption.\n- Weak courts.\n"),
        ("Plain paragraph that wraps\nover two lines.\n\nAnother one.\n",),
    ],
)
def test_inline_lines_index_the_cleaned_text(pages: tuple[str, ...]) -> None:
    _check_offsets(cleaned(*pages))


def test_page_at_before_any_line_and_past_the_end() -> None:
    result = cleaned("First page paragraph.\n", "Second page paragraph.\n")
    assert result.page_at(0) == 1
    assert result.page_at(len(result.text) - 1) == 2
    assert result.page_at(-1) is None
    assert raw("x").has_page_numbers is False


# ---- hardening and layout independence ---------------------------------------------------------

FOOTNOTED = (
    "Problem Identification\n\n"
    "Poverty pushes young people to migrate.1\n\n"
    "________________\n"
    "1 See the national plan of action.\n\n"
    "Problem Tree Analysis\n\n"
    "Corruption allows brokers to operate.\n\n"
    "Weak laws leave victims without protection.\n"
)


@pytest.mark.parametrize("fmt", ["txt", "docx", "html"])
def test_defect10_footnote_bodies_end_at_the_next_heading_without_pages(fmt: str) -> None:
    from graph.ingest.read import RawDocument

    clean_text = clean(RawDocument(f"report.{fmt}", fmt, (FOOTNOTED,), has_page_numbers=False))
    texts = [line.text for line in clean_text.lines]
    assert "Corruption allows brokers to operate." in texts
    assert "Weak laws leave victims without protection." in texts
    assert "Problem Tree Analysis" in texts
    assert [note.text for note in clean_text.footnotes] == ["See the national plan of action."]
    assert not any("See the national plan" in text for text in texts)


def test_defect10_a_rule_with_no_footnote_after_it_swallows_nothing() -> None:
    text = "Problem Identification\n\nPoverty is a problem.\n\n__________\n\nCorruption is a problem.\n"
    texts = [line.text for line in cleaned(text, has_page_numbers=False).lines]
    assert texts == ["Problem Identification", "Poverty is a problem.", "Corruption is a problem."]


def test_defect4_a_two_megabyte_paragraph_is_a_clear_error_in_bounded_time() -> None:
    import time

    from graph.ingest.clean import MAX_PARAGRAPH_CHARS
    from graph.ingest.errors import LimitExceeded

    started = time.monotonic()
    wrapped = "Poverty leads to unsafe migration and to trafficking in the border provinces.\n" * 26_000
    for text in (wrapped, wrapped.replace("\n", " ")):  # wrapped lines, and one 2 MB line
        with pytest.raises(LimitExceeded, match=f"over {MAX_PARAGRAPH_CHARS:,} characters") as raised:
            cleaned("Problem Identification\n\n" + text)
        assert raised.value.exit_code == 2
    assert time.monotonic() - started < 10


def test_a_long_paragraph_under_the_limit_unwraps_in_linear_time() -> None:
    import time

    started = time.monotonic()
    text = "Poverty leads to unsafe migration and to trafficking in the border provinces.\n" * 1200
    lines = cleaned("Problem Identification\n\n" + text).lines
    assert len(lines) == 2 and len(lines[1].text) > 90_000
    assert time.monotonic() - started < 5


def test_a_mid_line_initial_is_not_a_list_marker() -> None:
    text = (
        "The group said the referral system, according to\nM. Chan of the national office, works well.\n\n"
        "Root causes\nA. Poverty in the villages.\nB. Weak laws.\n"
    )
    assert [line.text for line in cleaned(text).lines] == [
        "The group said the referral system, according to M. Chan of the national office, works well.",
        "Root causes",
        "A. Poverty in the villages.",
        "B. Weak laws.",
    ]


def test_a_labelled_line_that_mentions_the_full_picture_is_not_a_caption() -> None:
    line = "Core problem: Agencies cannot see the full picture of trafficking cases because data is scattered."
    assert [ln.text for ln in cleaned("Problem Tree Analysis\n\n" + line + "\n").lines][-1] == line
    # A real caption still goes.
    assert (
        cleaned("Photo: participants of Group B present their list.\n\nPoverty is a problem.\n").lines[0].text
        == "Poverty is a problem."
    )
