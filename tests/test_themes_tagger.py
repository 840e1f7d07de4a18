"""Theme tagging with the real spaCy model: every theme has positive and negative sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.contract import Extraction, ReportMeta, SourceSpan, Statement, ThemeTag
from graph.themes.tagger import ThemeTagger, default_nlp, naive_singulars, parse_pattern, tag_extraction
from graph.themes.taxonomy import TaxonomyError, load_taxonomy


@pytest.fixture(scope="session")
def nlp():
    try:
        return default_nlp()
    except OSError as exc:
        pytest.skip(f"spaCy English model not installed: {exc}")


@pytest.fixture(scope="session")
def tagger(nlp) -> ThemeTagger:
    return ThemeTagger(nlp, load_taxonomy())


def theme_ids(tagger: ThemeTagger, text: str) -> set[str]:
    return {t.id for t in tagger.tag(tagger.nlp(text))}


# (theme, sentence that raises it). Wordings vary on purpose: other reports will not copy Lao's.
POSITIVES = [
    ("database", "There is no national database on human trafficking."),
    ("database", "Police and social workers lack reliable data on returned victims."),
    ("database", "Intelligence sharing between border provinces is weak."),
    ("training_capacity", "Judges and prosecutors are insufficiently trained."),
    ("training_capacity", "Build the capacity of social workers in shelters."),
    ("training_capacity", "Border officials lack the skills to interview victims."),
    ("budget_funding", "Limited budget and funding for relevant agencies."),
    ("budget_funding", "Anti-trafficking police lack funds to conduct proper investigations."),
    ("budget_funding", "There is a shortage of financial resources for shelters."),
    ("cooperation_mou", "No MOUs have been signed with Malaysia and Korea."),
    ("cooperation_mou", "Insufficient coordination between ministries and NGOs."),
    ("cooperation_mou", "Better bilateral and multilateral co-operation."),
    ("staff_rotation", "Trained border guards are moved to new posts every six months."),
    ("staff_rotation", "High staff turnover means knowledge is lost."),
    ("staff_rotation", "If personnel are trained and then transferred, resources are wasted."),
    ("awareness_law", "People lack awareness of relevant laws and regulations."),
    ("awareness_law", "Many migrant workers do not understand the law of the destination country."),
    ("awareness_law", "A national campaign on radio and television about the risks of trafficking."),
    ("poverty_livelihoods", "Poverty is the main driving force behind trafficking."),
    ("poverty_livelihoods", "There are no jobs in rural and remote areas."),
    ("poverty_livelihoods", "Victims often come from poor families with heavy debts."),
    ("migration", "Rural to urban migration is increasing."),
    ("migration", "Young people travel abroad to find work."),
    ("migration", "Migrant workers surrender their passports to employers."),
    ("legal_framework", "There is no comprehensive anti-trafficking law."),
    ("legal_framework", "The Penal Code does not define human trafficking."),
    ("legal_framework", "Insufficient enforcement and implementation of current legislation."),
    ("victim_identification", "Victim identification is very difficult."),
    ("victim_identification", "Front-line officers fail to identify trafficked children at the border."),
    ("victim_identification", "Proactive identification of potential victims."),
    ("victim_reintegration", "More comprehensive re-integration programs so victims are not re-trafficked."),
    ("victim_reintegration", "Victims receive interim care in a shelter."),
    ("victim_reintegration", "Foreign victims are also assisted."),
    ("village_mediation", "Over reliance on mediation and reconciliation at village level."),
    ("village_mediation", "Customary law does not fit with international obligations."),
    ("village_mediation", "Cases are settled informally between the families."),
    ("corruption", "Local officials who facilitate trafficking must be punished."),
    ("corruption", "Corruption among border police undermines investigations."),
    ("corruption", "Brokers bribe immigration officers."),
    ("demand_sex_tourism", "Sex tourists drastically reduced."),
    ("demand_sex_tourism", "Did the group reflect on the demand side?"),
    ("demand_sex_tourism", "Karaoke bars and brothels recruit underage girls."),
    ("materialism_values", "Values and consumerism fuel trafficking."),
    ("materialism_values", "Young people follow their friends in search of luxury goods."),
    ("materialism_values", "Materialism is a contributing factor."),
    ("private_sector", "Cooperation between public and private sector is limited."),
    ("private_sector", "Recruitment agencies charge excessive fees."),
    ("private_sector", "Employers confiscate the documents of workers."),
    ("monitoring_evaluation", "M&E is not conducted on a regular basis."),
    ("monitoring_evaluation", "There are no indicators to evaluate the national response."),
    ("monitoring_evaluation", "Monitoring and evaluation of shelters is weak."),
    ("national_plan_of_action", "A National Plan of Action is produced, budgeted and implemented."),
    ("national_plan_of_action", "The NPA is not widely available."),
    ("national_plan_of_action", "There is no national action plan to combat trafficking."),
    ("prosecution_justice", "Traffickers and brokers are convicted."),
    ("prosecution_justice", "Victims are encouraged and feel safe in accessing the court system."),
    ("prosecution_justice", "Few cases are prosecuted and perpetrators act with impunity."),
    ("education", "Lack of education; most vulnerable groups have low education levels."),
    ("education", "Parents force their children to leave school in order to work."),
    ("education", "Lower school drop-out rates."),
]

# (theme, sentence that must NOT raise it): near misses that share a word or a neighbourhood.
NEGATIVES = [
    ("database", "Dissemination of information on laws is inadequate in rural areas."),
    ("database", "Insufficient information is provided to those travelling abroad on safety issues."),
    ("database", "Information on the dangers of trafficking should be shared through radio and leaflets."),
    ("training_capacity", "There is a lack of certain labour skills in the region."),
    ("training_capacity", "Poverty is a major problem."),
    ("budget_funding", "Strengthen the capacity of human resources at the community level."),
    ("budget_funding", "Financially secure families also migrate."),
    ("cooperation_mou", "Poverty is a main cause of people being trafficked."),
    ("staff_rotation", "Victims are moved across the border by brokers."),
    ("staff_rotation", "Young people move abroad for a job."),
    ("awareness_law", "There is no national database on human trafficking."),
    ("awareness_law", "Available information must be shared with stakeholders in a timely manner."),
    ("poverty_livelihoods", "Poor coordination between agencies hampers investigations."),
    ("poverty_livelihoods", "Coordination between agencies is poor."),
    ("migration", "Judges and prosecutors are insufficiently trained."),
    ("migration", "A professional immigration corps at the border."),
    ("legal_framework", "Legal migration work is supported and increased."),
    ("legal_framework", "Poverty drives young people to the city."),
    ("victim_identification", "Participants identified the main problems facing the community."),
    ("victim_identification", "Many migrants have no identification documents."),
    ("victim_reintegration", "Brokers actively look for potential victims to entrap."),
    ("victim_reintegration", "Traffickers and brokers are convicted."),
    ("village_mediation", "The prosecutor took the case to court and secured a conviction."),
    ("corruption", "Local authorities lack sufficient understanding of trafficking issues."),
    ("corruption", "Police are involved in the investigation of the case."),
    ("demand_sex_tourism", "We already have good cooperation with the tourist police."),
    ("demand_sex_tourism", "Victims are exploited in fishing boats."),
    ("materialism_values", "The value of the goods seized was high."),
    ("materialism_values", "Lack of budget for shelters."),
    ("private_sector", "Brokers actively look for potential victims to entrap."),
    ("private_sector", "Public awareness of trafficking is low."),
    ("monitoring_evaluation", "Victims face severe difficulties to heal psychologically."),
    ("national_plan_of_action", "The government plans to build more roads."),
    ("national_plan_of_action", "Participants agreed on an action to take next."),
    ("prosecution_justice", "Lack of education in remote villages."),
    ("prosecution_justice", "Victims need shelters and counselling."),
    ("education", "Poverty is a main cause of people being trafficked."),
    ("education", "Judges are insufficiently trained."),
]


def test_every_theme_has_positive_and_negative_examples(tagger: ThemeTagger) -> None:
    ids = set(tagger.taxonomy.ids)
    assert {t for t, _ in POSITIVES} == ids
    assert {t for t, _ in NEGATIVES} == ids


@pytest.mark.parametrize(("theme", "text"), POSITIVES)
def test_theme_positive(tagger: ThemeTagger, theme: str, text: str) -> None:
    assert theme in theme_ids(tagger, text)


@pytest.mark.parametrize(("theme", "text"), NEGATIVES)
def test_theme_negative(tagger: ThemeTagger, theme: str, text: str) -> None:
    assert theme not in theme_ids(tagger, text)


# The running example of issue 4: the call for a shared database, in every wording met so far
# and a few an unseen report may use.
DATABASE_WORDINGS = [
    ("Nonexistence of a centralised human trafficking database.", "database"),
    ("We need to establish and maintain a central database.", "database"),
    ("There is no national database on human trafficking.", "database"),
    ("We don't have a regional database for GMS countries.", "database"),
    ("Lao PDR should be able to access and link in to other countries databases.", "databases"),
    ("Monitoring and evaluation with a national database.", "database"),
    ("A common data platform for the three countries.", "common data platform"),
    ("A shared information system between ministries.", "shared information system"),
    ("A case management system shared with Thailand.", "case management system"),
    ("There is insufficient political will to create an information centre.", "information centre"),
    ("Evidence on human trafficking shared across borders.", "Evidence on human trafficking shared"),
    ("Data-bases are missing.", "Data-bases"),
    ("The data base of victims is out of date.", "data base"),
    ("Databases in each province are not linked.", "Databases"),
    ("How can we ensure that information becomes available and is shared?",
     "information becomes available and is shared"),
    ("Statistics on returned victims are unreliable.", "Statistics"),
    ("Countries should exchange information on trafficking cases.", "exchange information"),
    ("Information-sharing between police forces is weak.", "Information-sharing"),
]


@pytest.mark.parametrize(("text", "evidence"), DATABASE_WORDINGS)
def test_database_theme_in_each_wording(tagger: ThemeTagger, text: str, evidence: str) -> None:
    tags = {t.id: t.evidence for t in tagger.tag(tagger.nlp(text))}
    assert "database" in tags
    assert evidence in tags["database"].split("; ")


def test_several_themes_with_their_evidence(tagger: ThemeTagger) -> None:
    text = ("Well functioning coordination among central and local levels, and monitoring and evaluation with a "
            "national database.")
    tags = {t.id: t.evidence for t in tagger.tag(tagger.nlp(text))}
    assert tags == {
        "database": "database",
        "cooperation_mou": "coordination",
        "monitoring_evaluation": "monitoring and evaluation",
    }


def test_tag_accepts_a_span_of_a_parsed_doc(tagger: ThemeTagger) -> None:
    doc = tagger.nlp("Poverty is a major problem. There is no central database.")
    first, second = list(doc.sents)
    assert [t.id for t in tagger.tag(first)] == ["poverty_livelihoods"]
    assert tagger.tag(second) == (ThemeTag("database", "database"),)


def test_tag_texts_matches_tag(tagger: ThemeTagger) -> None:
    texts = [text for _, text in POSITIVES[:12]]
    assert tagger.tag_texts(texts) == [tagger.tag(tagger.nlp(t)) for t in texts]


def test_tag_extraction_fills_themes_without_touching_the_rest(tagger: ThemeTagger) -> None:
    span = SourceSpan(section="Problems", page=3, start=0, end=10, sentence="s")
    old = Statement("s1", "problem", "No national database.", None, None, 1, None, span, (ThemeTag("x", "y"),))
    other = Statement("s2", "vision", "Victims are assisted.", None, None, 2, None, span)
    extraction = Extraction(ReportMeta(id="r", source="r.txt"), (old, other), text="kept")
    tagged = tag_extraction(extraction, tagger)
    assert tagged.statements[0].themes == (ThemeTag("database", "database"),)
    assert [t.id for t in tagged.statements[1].themes] == ["victim_reintegration"]
    assert tagged.statements[0].source == span and tagged.text == "kept"
    assert extraction.statements[0].themes == (ThemeTag("x", "y"),), "the input is not mutated"


def test_user_override_changes_what_is_tagged(nlp, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[theme]]\nid = "database"\nsynonyms = ["lookup table"]\npatterns = []\n'
        '[[theme]]\nid = "child_labour"\nlabel = "Child labour"\ndescription = "d"\n'
        'frame = "prevention"\nsynonyms = ["child labour"]\n',
        encoding="utf-8",
    )
    tagger = ThemeTagger(nlp, load_taxonomy(path))
    assert [t.id for t in tagger.tag(nlp("The lookup tables are shared."))] == ["database"]
    assert "database" not in {t.id for t in tagger.tag(nlp("A central database."))}
    assert "child_labour" in {t.id for t in tagger.tag(nlp("Child labour in brick kilns."))}


def test_bad_pattern_in_a_user_file_names_the_theme(nlp, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[theme]]\nid = "education"\npatterns = ["* *2"]\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="education"):
        ThemeTagger(nlp, load_taxonomy(path))


@pytest.mark.parametrize(
    ("word", "expected"),
    [("databases", ("database",)), ("agencies", ("agency", "agencie")), ("process", ()), ("bus", ())],
)
def test_naive_singulars(word: str, expected: tuple[str, ...]) -> None:
    assert naive_singulars(word) == expected


def test_parse_pattern_strips_edge_gaps_and_reads_options() -> None:
    slots = parse_pattern("* very? =poor|needy *2 family")
    assert [s.gap for s in slots] == [0, 0, 2, 0]
    assert slots[0].optional and slots[0].words == ("very",)
    assert slots[1].words == ("poor", "needy") and slots[1].exact == (True, False)


GOLD = sorted((Path(__file__).parent / "gold" / "v1").glob("*.json"))  # format 1 (database_mentions)
# Format 2: `theme_mentions` (theme id -> statement texts) for six themes of each report.
GOLD_THEMES = sorted(p for p in (Path(__file__).parent / "gold").glob("*.json")
                     if "theme_mentions" in p.read_text(encoding="utf-8"))


def _gold_theme_scores(tagger: ThemeTagger) -> dict[str, tuple[float, float]]:
    """Per annotated theme, (recall, precision) over the statements of every format-2 gold file.

    Each statement text is tagged on its own (parser on, as ``tag_texts`` does); a statement that the
    tagger gives a theme its file annotates, but that is not among the theme's mentions, is a false
    positive. Themes a file does not annotate are not scored on it."""
    import json

    counts: dict[str, list[int]] = {}
    for gold_file in GOLD_THEMES:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        texts = sorted({s["text"] for s in gold["statements"]})
        tags = {t: {x.id for x in found} for t, found in zip(texts, tagger.tag_texts(texts), strict=True)}
        for theme, mentions in gold["theme_mentions"].items():
            hits = {t for t, ids in tags.items() if theme in ids}
            row = counts.setdefault(theme, [0, 0, 0])
            row[0] += len(hits & set(mentions))
            row[1] += len(set(mentions))
            row[2] += len(hits)
    return {theme: (hit / gold, hit / tagged if tagged else 0.0) for theme, (hit, gold, tagged) in counts.items()}


@pytest.fixture(scope="module")
def gold_theme_scores(tagger: ThemeTagger) -> dict[str, tuple[float, float]]:
    return _gold_theme_scores(tagger)


@pytest.mark.skipif(not GOLD_THEMES, reason="no theme annotations in tests/gold")
def test_database_recall_and_precision_on_gold_statements(gold_theme_scores) -> None:
    """The data-and-information-sharing theme meets the targets of issue 10 on the bundled reports.

    Its scope is wider than in format 1: what is known or unknown about flows, information needed,
    reports not provided and how records are kept count too, so this reads the format-2 annotations."""
    recall, precision = gold_theme_scores["database"]
    assert recall >= 0.9 and precision >= 0.85, (recall, precision)


@pytest.mark.skipif(not GOLD_THEMES, reason="no theme annotations in tests/gold")
def test_every_annotated_theme_keeps_its_precision_and_most_of_its_recall(gold_theme_scores) -> None:
    """A floor under every annotated theme (the remaining misses need the report's context: a list
    item under a heading, a pronoun for "migrants"), so that a taxonomy edit cannot quietly lose one."""
    assert gold_theme_scores, "the gold files annotate themes"
    for theme, (recall, precision) in gold_theme_scores.items():
        assert precision >= 0.85, (theme, precision)
        assert recall >= 0.75, (theme, recall)


def test_tagging_leaves_the_parsed_doc_untouched(tagger: ThemeTagger) -> None:
    doc = tagger.nlp("Data-bases and records are shared between agencies.")
    before = [(t.norm_, t.lemma_, t.lower_) for t in doc]
    assert tagger.tag(doc)
    assert [(t.norm_, t.lemma_, t.lower_) for t in doc] == before and not doc.user_data


# --- Matching per pattern on the doc's mirror (forms as NORM, a REGEX per pattern word) finds
# exactly what the original design found: one token Matcher of every pattern, testing each token's
# forms (a getter extension) with INTERSECTS.

_REFERENCE_ATTR = "gms_theme_forms_reference"


def _reference_compile(slots, forms_of) -> list[dict]:
    from graph.themes.tagger import _CLAUSE_END, _HYPHENS

    pattern: list[dict] = []
    previous_was_word = False
    for slot in slots:
        if slot.gap:
            pattern.append({"TEXT": {"NOT_IN": sorted(_CLAUSE_END)}, "OP": f"{{0,{slot.gap}}}"})
            previous_was_word = False
            continue
        if previous_was_word:
            pattern.append({"TEXT": {"IN": sorted(_HYPHENS)}, "OP": "?"})
        forms: set[str] = set()
        for word, exact in zip(slot.words, slot.exact, strict=True):
            forms.update([word] if exact else forms_of(word))
        token: dict = {"_": {_REFERENCE_ATTR: {"INTERSECTS": sorted(forms)}}}
        if slot.optional:
            token["OP"] = "?"
        pattern.append(token)
        previous_was_word = True
    return pattern


def _without_relations(taxonomy):
    """The same taxonomy without dependency relations: what the token-pattern reference can check."""
    from dataclasses import replace

    from graph.themes.taxonomy import Taxonomy

    return Taxonomy(tuple(replace(t, relations=()) for t in taxonomy), taxonomy.words)


def _reference_tagger(tagger: ThemeTagger):
    """The original spaCy-Matcher tagger, built from the same taxonomy and pattern-word lemmas
    (token patterns only: the taxonomy's relations are left out of the comparison)."""
    from spacy.matcher import Matcher
    from spacy.tokens import Token
    from spacy.util import filter_spans

    from graph.themes.tagger import split_veto, synonym_slots, token_forms

    if not Token.has_extension(_REFERENCE_ATTR):
        Token.set_extension(_REFERENCE_ATTR, getter=token_forms)
    matcher = Matcher(tagger.nlp.vocab, validate=True)
    own_vetoes: dict[str, set[str]] = {}
    for theme in tagger.taxonomy:
        strong = [_reference_compile(synonym_slots(s, tagger._tokenize), tagger._forms_of) for s in theme.synonyms]
        if strong:
            matcher.add(f"{theme.id}::strong", strong)
        for number, text in enumerate(theme.patterns):
            body, veto = split_veto(text, tagger._families)
            name = f"{theme.id}::context{number}"
            matcher.add(name, [_reference_compile(parse_pattern(body, tagger._families), tagger._forms_of)])
            own_vetoes[name] = {f for w in veto for f in ([w[1:]] if w.startswith("=") else tagger._forms_of(w))}

    def tag(doclike) -> tuple[ThemeTag, ...]:
        found: dict[str, list] = {}
        here = {f for t in doclike for f in getattr(t._, _REFERENCE_ATTR)}
        for span in matcher(doclike, as_spans=True):
            theme_id, kind = span.label_.rsplit("::", 1)
            if kind != "strong" and here & (tagger._vetoes[theme_id] | own_vetoes[span.label_]):
                continue
            found.setdefault(theme_id, []).append(span)
        tags = []
        for theme in tagger.taxonomy:
            if theme.id in found:
                kept = sorted(filter_spans(found[theme.id]), key=lambda s: s.start)
                tags.append(ThemeTag(theme.id, "; ".join(dict.fromkeys(" ".join(s.text.split()) for s in kept))))
        return tuple(tags)

    return tag


def _overlapping_spans(doc):
    """The doc, its sentences and overlapping clause-sized windows, as the ingest pipeline tags them."""
    yield doc
    for sentence in doc.sents:
        yield sentence
        for start in range(sentence.start, sentence.end, 4):
            yield doc[start:min(start + 8, sentence.end)]


@pytest.mark.slow
@pytest.mark.skipif(not GOLD, reason="no gold annotations in tests/gold")
def test_matching_equals_the_spacy_matcher_on_gold_statements(tagger: ThemeTagger) -> None:
    import json

    tagger = ThemeTagger(tagger.nlp, _without_relations(tagger.taxonomy))
    reference = _reference_tagger(tagger)
    texts: set[str] = set()
    for gold_file in GOLD:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        texts |= {s["text"] for s in gold["statements"]} | set(gold["database_mentions"])
        texts |= set(gold.get("data_sharing_mentions", ()))
    compared = tagged = 0
    for doc in tagger.nlp.pipe(sorted(texts)):
        # The statement, then a clause split off it (a span of the same doc); the spaCy Matcher is
        # too slow to try every window here (the pattern-feature test below does).
        for span in (doc, doc[len(doc) // 3:]):
            expected = reference(span)
            assert tagger.tag(span) == expected, span.text
            compared += 1
            tagged += bool(expected)
    assert compared > len(texts) and tagged > len(texts) / 2


def test_matching_equals_the_spacy_matcher_on_every_pattern_feature(nlp, tmp_path: Path) -> None:
    path = tmp_path / "features.toml"
    path.write_text(
        '[[theme]]\nid = "features"\nlabel = "F"\ndescription = "d"\nframe = "prevention"\n'
        'synonyms = ["case-management system", "data base"]\n'
        'patterns = ["very? =poor|needy *2 family", "share|exchange * information", "information * =shared", '
        '"border *1 police? guard"]\n'
        'exclude = ["leaflet"]\n',
        encoding="utf-8",
    )
    tagger = ThemeTagger(nlp, _without_relations(load_taxonomy(path)))
    reference = _reference_tagger(tagger)
    sentences = [
        "Very poor and needy families; poorer families; the poor family; very needy rural families.",
        "Agencies share information. Information is shared; information sharing is shared widely.",
        "They exchange little timely information, but information on leaflets is shared.",
        "Border police guards, border guards and border area guard posts. Border. Guard.",
        "A case management system and a case-management-system; the data-base and data bases.",
        "Share. Information. Needy, poor families -- and the border police.",
    ]
    for doc in nlp.pipe(sentences):
        for span in _overlapping_spans(doc):
            assert tagger.tag(span) == reference(span), span.text
    assert "features" in {t.id for t in tagger.tag(nlp(sentences[0]))}
