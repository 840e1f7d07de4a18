"""Entities, references to other consultations, and report metadata."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from graph.contract import Entity, EntityKind, Mention, Reference, ReportMeta, SourceSpan, stable_id
from graph.ingest.parsed import ParsedBlock, with_docs

# The GMS countries under every name the reports use, mapped to one canonical name.
COUNTRY_ALIASES = {
    "cambodia": "Cambodia", "kingdom of cambodia": "Cambodia",
    "china": "China", "prc": "China", "people's republic of china": "China", "yunnan": "China",
    "lao pdr": "Lao PDR", "laos": "Lao PDR", "lao": "Lao PDR", "lao people's democratic republic": "Lao PDR",
    "myanmar": "Myanmar", "burma": "Myanmar",
    "thailand": "Thailand", "kingdom of thailand": "Thailand",
    "viet nam": "Viet Nam", "vietnam": "Viet Nam", "socialist republic of viet nam": "Viet Nam",
}
_COUNTRY_PATTERN = re.compile(
    r"\b(" + "|".join(sorted((re.escape(a) for a in COUNTRY_ALIASES if a != "lao"), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_CAPITALS = {
    "Vientiane": "Lao PDR", "Phnom Penh": "Cambodia", "Siem Reap": "Cambodia", "Bangkok": "Thailand",
    "Chiang Mai": "Thailand", "Hanoi": "Viet Nam", "Ha Noi": "Viet Nam", "Ho Chi Minh City": "Viet Nam",
    "Beijing": "China", "Kunming": "China", "Yangon": "Myanmar", "Nay Pyi Taw": "Myanmar", "Naypyidaw": "Myanmar",
    "Mandalay": "Myanmar",
}
_REFERENCE = re.compile(r"\bconsultations?\b|\bworkshops?\b", re.IGNORECASE)
# Test reports written for this project say so in their first line; they must never pass for real ones.
_SYNTHETIC_BANNER = re.compile(r"^\W*(?:synthetic|fictional|sample test)\b[^\n]*\b(?:report|test|not a real)\b",
                               re.IGNORECASE)
_ANAPHORIC_START = re.compile(r"^\s*(?:this|these|that|those|it|the same)\b", re.IGNORECASE)
_REFERENCE_VERB = re.compile(r"\b(?:also|previous|earlier|other|raised|discussed|mentioned|noted|joined|held|heard"
                             r"|emerged|highlighted|identified|during)\b", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{_MONTHS}))?\s*(?:-|–|—|to|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS}),?\s+(?P<y>\d{{4}})"
    rf"|\b(?P<m3>{_MONTHS})\s+(?P<d3>\d{{1,2}})(?:\s*(?:-|–|—|to|and)\s*(?P<d4>\d{{1,2}}))?,?\s+(?P<y2>\d{{4}})"
    rf"|\b(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m5>{_MONTHS}),?\s+(?P<y5>\d{{4}})",
)
_ORGANISER = re.compile(
    r"(?m)(?:^|\.\s+)(?:The\s+)?(?P<org>[A-Z][\w\-’' ]+?(?:\s*\([A-Z\-]{2,}\))?)"
    r"\s+(?:convened|organi[sz]ed|hosted|held|facilitated)\b"
    r"|\b(?:[Oo]rgani[sz]ed|[Cc]onvened|[Hh]osted) by:?\s+(?:the )?"
    r"(?P<org2>[A-Z][\w\-’' ]+?(?:\s*\([^()\n]{2,90}\))?)(?=[,.;\n]| in | with |$)",
)
_TITLE = re.compile(r"\b(?:Consultation|Consultative)\s+Workshop\s+on\s+(?P<subject>[A-Z][^,.;]{5,120}?)"
                    r"(?=,|\.|;| on \d| in [A-Z]| held)", re.IGNORECASE)
_HONORIFICS = re.compile(
    r"^(?:(?:Mr|Ms|Mrs|Dr|Prof|Colonel|Col|Major|Maj|Madam|Sir|H\.?E\.?|General|Captain|Lt)\.?\s+)+")
_NER_KINDS: dict[str, EntityKind] = {"ORG": "organisation", "PERSON": "person", "LAW": "law", "GPE": "place",
                                    "LOC": "place", "FAC": "place", "DATE": "date"}
_ROLE = re.compile(r"^,\s*(?P<role>(?:the\s+)?[A-Z][\w\-’' ]*?"
                   r"(?:\s+(?:of|for|on|and|in)\s+(?:the\s+)?[A-Z][\w\-’' ]*?)*)"
                   r"(?=,|\.|;|\s+(?:and|began|welcomed|stated|said|asked|then|who))")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass
class _EntityDraft:
    kind: EntityKind
    name: str
    mentions: list[Mention]
    role: str | None = None
    year: int | None = None


def canonical_country(name: str) -> str | None:
    return COUNTRY_ALIASES.get(" ".join(name.lower().replace("’", "'").split()))


def countries_in(text: str) -> list[str]:
    found: list[str] = []
    for match in _COUNTRY_PATTERN.finditer(text):
        country = canonical_country(match.group(1))
        if country and country not in found:
            found.append(country)
    return found


def extract_entities(parsed: Sequence[ParsedBlock], report_id: str) -> list[Entity]:
    drafts: list[_EntityDraft] = []
    for block, doc in with_docs(parsed):
        for ent in doc.ents:
            kind = _NER_KINDS.get(ent.label_)
            if kind is None:
                continue
            name = _normalise_name(ent.text, kind)
            if not name or not _plausible(kind, name, ent.text):
                continue
            if kind in ("place", "organisation") and canonical_country(name):
                kind, name = "country", canonical_country(name)
            mention = Mention(block.start + ent.start_char, block.start + ent.end_char)
            role = _role_after(block.text[ent.end_char:ent.end_char + 160]) if kind == "person" else None
            year = _year_near(block.text, ent.start_char, ent.end_char) if kind == "law" else None
            _merge(drafts, _EntityDraft(kind, name, [mention], role, year))
    return [
        Entity(id=stable_id(report_id, d.kind, d.name.lower()), kind=d.kind, name=d.name,
               mentions=tuple(sorted(set(d.mentions), key=lambda m: m.start)), role=d.role, year=d.year)
        for d in drafts
    ]


def _plausible(kind: str, name: str, raw: str) -> bool:
    """Filter the small model's typical misfires: a dangling "of the", a session called a date, one
    capitalised noun called a person."""
    if name.split()[-1].lower() in ("the", "of", "for", "and", "on", "in", "to", "a"):
        return False
    if kind == "date":
        return bool(re.search(rf"\d|{_MONTHS}", name)) and "year old" not in name
    if kind == "person" and len(name.split()) == 1:
        return bool(_HONORIFICS.match(raw))
    return True


def _normalise_name(text: str, kind: str) -> str:
    name = " ".join(text.split()).strip(" ,.;:’'“”\"()")
    if kind == "person":
        name = _HONORIFICS.sub("", name)
    if kind in ("organisation", "law"):
        name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        name = re.sub(r"[’']s$", "", name)
    if len(name) < 2 or name.isdigit() or (kind == "person" and len(name.split()) == 1 and name.isupper()):
        return ""
    return name


def _merge(drafts: list[_EntityDraft], new: _EntityDraft) -> None:
    """One entity per thing: "Mr Manthey" is "Geoff Manthey"; "Thiphavongxay" is a variant of "Thipphavongxay"."""
    for draft in drafts:
        if draft.kind != new.kind:
            continue
        if draft.name.lower() == new.name.lower() or (new.kind == "person" and _same_person(draft.name, new.name)):
            draft.mentions += new.mentions
            if len(new.name) > len(draft.name):
                draft.name = new.name
            draft.role = draft.role or new.role
            draft.year = draft.year or new.year
            return
    drafts.append(new)


def _same_person(a: str, b: str) -> bool:
    tokens_a, tokens_b = a.lower().split(), b.lower().split()
    shorter, longer = sorted((tokens_a, tokens_b), key=len)
    # Every token of the shorter name matches some token of the longer one, allowing a spelling variant.
    return all(any(fuzz.ratio(t, u) >= 85 for u in longer) for t in shorter)


def _role_after(following: str) -> str | None:
    match = _ROLE.match(following)
    if not match:
        return None
    role = match.group("role").strip()
    return role if 1 < len(role.split()) <= 12 else None


def _year_near(text: str, start: int, end: int) -> int | None:
    window = text[start:min(len(text), end + 12)]
    match = _YEAR.search(window)
    return int(match.group(0)) if match else None


def extract_references(parsed: Sequence[ParsedBlock], own_country: str | None) -> list[Reference]:
    """Sentences that point to another GMS consultation: "also raised during the Vietnam consultation"."""
    references: list[Reference] = []
    for block, doc in with_docs(parsed):
        sentences = list(doc.sents)
        for position, sentence in enumerate(sentences):
            text = sentence.text
            if not _REFERENCE.search(text) or not _REFERENCE_VERB.search(text):
                continue
            # "This point was also raised during the Vietnam consultation": the point is the sentence before.
            first = sentences[position - 1] if position and _ANAPHORIC_START.match(text) else sentence
            start, end = first.start_char, sentence.end_char
            passage = block.text[start:end].strip()
            for country in countries_in(text):
                if country == own_country:
                    continue
                source = SourceSpan(block.section, block.page, block.start + start, block.start + end, passage)
                references.append(Reference(country=country, text=text.strip(), source=source))
    return references


def extract_metadata(text: str, report_id: str, source: str) -> ReportMeta:
    head = text[:6000]
    country = _report_country(head)
    city = _report_city(head, country)
    start, end = _report_dates(head)
    return ReportMeta(
        id=report_id,
        source=source,
        title=_report_title(head, country),
        country=country,
        city=city,
        start_date=start,
        end_date=end,
        organiser=_report_organiser(head),
        synthetic=bool(_SYNTHETIC_BANNER.match(head)),
    )


def _report_country(head: str) -> str | None:
    consultation = r"(?P<c>[A-Z][\w ]{2,40}?)\s+(?:National\s+)?(?:Consultation|Consultative)\b"
    for named in re.finditer(consultation, head, re.IGNORECASE):
        for country in countries_in(named.group("c")):
            return country
    counts: dict[str, int] = {}
    for country in countries_in(head):
        counts[country] = len([m for m in _COUNTRY_PATTERN.finditer(head) if canonical_country(m.group(1)) == country])
    return max(counts, key=counts.get) if counts else None


def _report_city(head: str, country: str | None) -> str | None:
    for city, city_country in _CAPITALS.items():
        if re.search(rf"\b{re.escape(city)}\b", head) and (country is None or city_country == country):
            return city
    if country:
        match = re.search(rf"\bin\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+{re.escape(country)}", head)
        if match:
            return match.group("city")
    return None


def _report_dates(head: str) -> tuple[str | None, str | None]:
    match = _DATE_RANGE.search(head)
    if not match:
        return None, None
    groups = match.groupdict()
    months = {name: i + 1 for i, name in enumerate(_MONTHS.split("|"))}
    try:
        if groups["d1"]:
            year = int(groups["y"])
            end_month = months[groups["m2"]]
            start_month = months[groups["m1"]] if groups["m1"] else end_month
            first_day, last_day = date(year, start_month, int(groups["d1"])), date(year, end_month, int(groups["d2"]))
            return first_day.isoformat(), last_day.isoformat()
        if groups["m3"]:
            year, month = int(groups["y2"]), months[groups["m3"]]
            first = date(year, month, int(groups["d3"])).isoformat()
            last = date(year, month, int(groups["d4"])).isoformat() if groups["d4"] else first
            return first, last
        day = date(int(groups["y5"]), months[groups["m5"]], int(groups["d5"])).isoformat()
        return day, day
    except ValueError:
        return None, None


_NOT_ORGANISERS = ("participants", "the", "workshop", "session", "meeting", "it", "this", "he", "she", "they")
_TITLE_LINE = re.compile(r"^(?:the\s+)?report\s+(?:of|on)\b|^[^a-z]*\b(?:CONSULTATION|WORKSHOP)\b[^a-z]*$",
                         re.IGNORECASE)


def _report_title(head: str, country: str | None) -> str | None:
    lines = [line.strip() for line in head.split("\n")[:8]]
    for index, line in enumerate(lines):
        if _TITLE_LINE.match(line) and (line.lower().startswith(("report", "the report")) or line.isupper()):
            # A title wrapped onto a second line continues in the same case.
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and following.isupper() and line.isupper() and len(following.split()) <= 12:
                line = f"{line} {following}"
            return line
    match = _TITLE.search(head)
    if match:
        subject = " ".join(match.group("subject").split())
        prefix = f"{country} " if country else ""
        return f"{prefix}Consultation Workshop on {subject}"
    for line in head.split("\n")[:5]:
        if re.search(r"\b(report|consultation|workshop)\b", line, re.IGNORECASE) and len(line) < 200:
            return line.strip()
    return None


def _report_organiser(head: str) -> str | None:
    for match in _ORGANISER.finditer(head):
        org = (match.group("org") or match.group("org2") or "").strip()
        first = org.split()[0].lower() if org else ""
        named = any(word[:1].isupper() for word in org.split()[1:]) or org.split()[0].isupper() if org else False
        if org and named and first not in _NOT_ORGANISERS and len(org.split()) <= 14:
            return org
    return None
