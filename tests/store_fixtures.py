"""Hand-built extractions shaped like the Lao PDR report, for store tests that need no spaCy."""

from __future__ import annotations

from dataclasses import replace

from graph.contract import (
    Entity,
    Extraction,
    Link,
    Mention,
    Reference,
    ReportMeta,
    SourceSpan,
    Statement,
    ThemeTag,
    content_hash,
    stable_id,
)

LAO_TEXT = """Introduction & Details about the Lao PDR Consultation Workshop
UNIAP convened a Consultation Workshop on 9-10th April 2013, in Vientiane, Lao PDR.
Problem Identification
Group 1 identified the following problems:
1. Victims are not identified at the border.
2. Low awareness of safe migration in rural communities.
Problem Tree Analysis
Core problem: Victims of trafficking do not receive adequate support.
Root cause: Limited budget for victim services.
Cause: Shelters run by the Lao Women's Union lack trained staff.
Effect: Victims are re-trafficked after return.
Effect: Victims refuse to cooperate with prosecution under the Law on Anti-Trafficking in Persons.
Visioning
Vision: All victims receive comprehensive support services.
Results Mapping
Result: Shelters have trained staff and funding, with support from {partner}.
Result: Border officials identify victims, as agreed with Thailand at its consultation.
{viet_nam}participants stressed reintegration.
"""


def _span(text: str, needle: str, section: str, page: int = 1) -> SourceSpan:
    start = text.index(needle)
    return SourceSpan(section=section, page=page, start=start, end=start + len(needle), sentence=needle)


def _mentions(text: str, needle: str) -> tuple[Mention, ...]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(Mention(i, i + len(needle)))
        i = text.find(needle, i + 1)
    return tuple(out)


def make_extraction(source: str = "data/reports/lao_fixture.txt", country: str = "Lao PDR",
                    partner: str = "IOM", viet_nam: bool = True) -> Extraction:
    text = LAO_TEXT.format(partner=partner, viet_nam="As in the Viet Nam consultation, " if viet_nam else "")
    rid = content_hash(text)

    def sid(n: str) -> str:
        return stable_id(rid, n)

    def stmt(n: str, kind: str, needle: str, section: str, *, group: str | None = "Group 1",
             parent: str | None = None, themes: tuple[ThemeTag, ...] = (), num: int | None = None) -> Statement:
        return Statement(id=sid(n), kind=kind, text=needle.split(": ", 1)[-1].rstrip("."), group=group,
                         topic=None, n=num, parent=sid(parent) if parent else None,
                         source=_span(text, needle, section), themes=themes)

    support = ThemeTag("victim_support", "support")
    statements = (
        stmt("p1", "priority", "Victims are not identified at the border.", "Problem Identification", num=1),
        stmt("p2", "problem", "Low awareness of safe migration in rural communities.",
             "Problem Identification", num=2),
        stmt("core", "core_problem", "Core problem: Victims of trafficking do not receive adequate support.",
             "Problem Tree Analysis", themes=(support,)),
        stmt("root", "root_cause", "Root cause: Limited budget for victim services.", "Problem Tree Analysis"),
        stmt("cause", "cause", "Cause: Shelters run by the Lao Women's Union lack trained staff.",
             "Problem Tree Analysis"),
        stmt("eff1", "effect", "Effect: Victims are re-trafficked after return.", "Problem Tree Analysis"),
        stmt("eff2", "effect",
             "Effect: Victims refuse to cooperate with prosecution under the Law on Anti-Trafficking in Persons.",
             "Problem Tree Analysis"),
        stmt("vision", "vision", "Vision: All victims receive comprehensive support services.", "Visioning",
             group=None, themes=(support,)),
        stmt("res1", "result", f"Result: Shelters have trained staff and funding, with support from {partner}.",
             "Results Mapping", parent="vision", themes=(support, ThemeTag("capacity", "trained staff"))),
        stmt("res2", "result",
             "Result: Border officials identify victims, as agreed with Thailand at its consultation.",
             "Results Mapping", parent="vision"),
    )
    links = (
        Link(sid("root"), sid("cause"), "CAUSES", "problem tree"),
        Link(sid("cause"), sid("core"), "CAUSES", "problem tree"),
        Link(sid("core"), sid("eff1"), "CAUSES", "problem tree"),
        Link(sid("core"), sid("eff2"), "CAUSES", "problem tree"),
        Link(sid("res1"), sid("cause"), "ADDRESSES", "trained staff"),
        Link(sid("res2"), sid("p1"), "ADDRESSES", "identify victims"),
        Link(sid("vision"), sid("core"), "ADDRESSES", "support"),
        Link(sid("res1"), sid("vision"), "PART_OF", "results mapping"),
        Link(sid("p1"), sid("missing"), "CAUSES", "dangling: the target was dropped"),
    )
    entities = (
        Entity(sid("e:uniap"), "organisation", "UNIAP", _mentions(text, "UNIAP")),
        Entity(sid("e:partner"), "organisation", partner, _mentions(text, partner)),
        Entity(sid("e:lwu"), "organisation", "Lao Women's Union", _mentions(text, "Lao Women's Union")),
        Entity(sid("e:law"), "law", "Law on Anti-Trafficking in Persons",
               _mentions(text, "Law on Anti-Trafficking in Persons")),
        Entity(sid("e:vte"), "place", "Vientiane", _mentions(text, "Vientiane")),
        Entity(sid("e:th"), "country", "Thailand", _mentions(text, "Thailand")),
        Entity(sid("e:date"), "date", "9-10th April 2013", _mentions(text, "9-10th April 2013")),
    )
    vn_sentence = "As in the Viet Nam consultation, participants stressed reintegration."
    references = (
        Reference("Thailand", "as agreed with Thailand at its consultation",
                  _span(text, "Result: Border officials identify victims, as agreed with Thailand at its consultation.",
                        "Results Mapping")),
        *((Reference("Viet Nam", "As in the Viet Nam consultation", _span(text, vn_sentence, "Results Mapping")),)
          if viet_nam else ()),
    )
    report = ReportMeta(id=rid, source=source, title="Lao PDR Consultation Workshop", country=country,
                        city="Vientiane", start_date="2013-04-09", end_date="2013-04-10", organiser="UNIAP")
    return Extraction(report, statements, links, entities, references, text=text)


def edited_extraction() -> Extraction:
    """The same source with new content: one statement reworded, IOM and Viet Nam no longer named."""
    return make_extraction(partner="UNICEF", viet_nam=False)


def relabelled(extraction: Extraction, n: int, country: str | None = None) -> Extraction:
    """A copy posing as another report: new content hash, source and (optionally) country."""
    text = f"{extraction.text}\n[copy {n}]"
    rid = content_hash(text)
    report = replace(extraction.report, id=rid, source=f"copies/report_{n:04d}.txt",
                     country=country or extraction.report.country)
    return replace(extraction, report=report, text=text)
