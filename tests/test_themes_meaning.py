"""Theme meaning beyond keywords: dependency relations over the parse, word families and vetoes.

Every sentence here was written for these tests from each theme's definition (its description in
taxonomy.toml), in the wordings an analyst expects from other consultation reports; none is copied
from a gold annotation, which stay the measuring stick (``bench/themes_score.py``).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from graph.contract import ThemeTag
from graph.themes.tagger import ThemeTagger, default_nlp, parse_relation, split_veto, token_forms
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


def tags_of(tagger: ThemeTagger, text: str) -> dict[str, str]:
    return {t.id: t.evidence for t in tagger.tag(tagger.nlp(text))}


# --- The examples of issue 10, with the evidence a dependency match keeps (its words in text order).

ISSUE_EXAMPLES = [
    ("No one can say how many returnees there are.", "say how many"),
    ("Border posts log crossings in notebooks that are never collected.", "notebooks collected"),
    ("Two ministries publish different victim totals.", "publish totals"),
]


@pytest.mark.parametrize(("text", "evidence"), ISSUE_EXAMPLES)
def test_data_said_without_its_keywords_is_data_sharing(tagger: ThemeTagger, text: str, evidence: str) -> None:
    tags = tags_of(tagger, text)
    assert "database" in tags
    found = tags["database"].split("; ")
    assert evidence in found
    words = text.rstrip(".").split()
    for item in found:
        # each piece of evidence is words of the statement, in the statement's order
        positions = [words.index(w) for w in item.split()]
        assert positions == sorted(positions), item


@pytest.mark.parametrize("text", [
    "The data show that migration rose.",
    "According to the data, trafficking has increased.",
    "The latest data suggest that more women are migrating.",
    "The training manual is up-to-date.",
    "Up-to-date laws are needed to protect workers.",
])
def test_data_in_an_unrelated_sense_is_not_data_sharing(tagger: ThemeTagger, text: str) -> None:
    assert "database" not in tags_of(tagger, text)


# --- Each theme's scope: (theme, sentence that falls under it) and near misses that do not.

IN_SCOPE = [
    ('database', 'No one can say how many returnees there are.'),
    ('database', 'Border posts log crossings in notebooks that are never collected.'),
    ('database', 'Two ministries publish different victim totals.'),
    ('database', 'Nobody knows how many girls are taken across the border each year.'),
    ('database', 'The number of trafficked children is not known.'),
    ('database', 'Provinces do not report their cases to the central level.'),
    ('database', 'Figures from the police and the social welfare ministry do not match.'),
    ('database', 'Records of returned victims are incomplete.'),
    ('database', 'The ministry does not keep track of repatriated victims.'),
    ('database', 'Shelters keep files on paper and never send them to the ministry.'),
    ('database', 'Statistics on trafficking are not disaggregated by sex or age.'),
    ('database', 'There is no reliable estimate of the number of victims.'),
    ('database', 'Information on recruitment agencies is not collected.'),
    ('database', 'Data on prosecutions are kept separately by each court.'),
    ('database', 'We lack information about the routes used by traffickers.'),
    ('database', 'Police do not pass on intelligence about trafficking networks to their counterparts.'),
    ('database', 'The extent of trafficking for forced marriage remains unknown.'),
    ('database', 'Agencies count victims in different ways.'),
    ('database', 'There is little research on male victims.'),
    ('database', 'Each province uses its own forms to record cases.'),
    ('database', 'Statistics are not shared with NGOs.'),
    ('database', 'The government has no way of tracking victims after their return.'),
    ('database', 'There is no central register of trafficking cases.'),
    ('database', 'Police and shelters keep separate lists of victims.'),
    ('database', 'The ministry does not know where returnees live.'),
    ('training_capacity', 'Border guards have never been trained on victim identification.'),
    ('training_capacity', 'Judges do not understand the anti-trafficking law.'),
    ('training_capacity', 'Investigators lack the skills to gather digital evidence.'),
    ('training_capacity', 'Officers who have been trained are soon transferred to other departments.'),
    ('training_capacity', 'Commune police do not know what to do when a victim comes forward.'),
    ('training_capacity', 'Prosecutors are not familiar with the new provisions.'),
    ('training_capacity', 'Social workers need specialised skills to counsel child victims.'),
    ('training_capacity', 'Labour inspectors cannot recognise signs of forced labour.'),
    ('training_capacity', 'Police officers have little knowledge of the procedures for interviewing children.'),
    ('training_capacity', 'Frontline staff are not equipped to handle trafficking cases.'),
    ('training_capacity', 'Provincial officials lack expertise in financial investigations.'),
    ('training_capacity', 'The police academy does not teach anti-trafficking modules.'),
    ('poverty_livelihoods', 'Families take loans from moneylenders at high interest.'),
    ('poverty_livelihoods', 'Farmers cannot earn enough from their land.'),
    ('poverty_livelihoods', 'Wages at home are too low to support a family.'),
    ('poverty_livelihoods', 'Many households are landless and in debt.'),
    ('poverty_livelihoods', 'There are few jobs for young people in the provinces.'),
    ('poverty_livelihoods', 'Returnees receive small grants to start a business.'),
    ('poverty_livelihoods', 'Crop failures leave rural families without income.'),
    ('poverty_livelihoods', 'Workers pay recruitment fees and start their jobs in debt.'),
    ('poverty_livelihoods', 'Households depend on remittances from migrant members.'),
    ('poverty_livelihoods', 'Rising prices push families into debt.'),
    ('poverty_livelihoods', 'There is little paid work in the dry season.'),
    ('migration', 'Young women go to Bangkok to work in factories.'),
    ('migration', 'Many men leave their villages to work on fishing boats abroad.'),
    ('migration', 'People cross the border illegally at night.'),
    ('migration', 'Workers travel without passports or work permits.'),
    ('migration', 'Girls are sent to China to marry.'),
    ('migration', 'Rural youth move to the capital in search of work.'),
    ('migration', 'Labour export companies recruit workers for Malaysia.'),
    ('migration', 'Undocumented workers fear arrest and deportation.'),
    ('migration', 'Many Cambodians work in Thailand without legal status.'),
    ('migration', 'Families send their daughters to the city to work as maids.'),
    ('migration', 'Young men are recruited to work on plantations in Malaysia.'),
    ('migration', 'Brokers arrange the journey and the job at the destination.'),
    ('migration', 'The number of people moving to urban centres keeps rising.'),
    ('migration', 'Legal channels for labour migration are slow and expensive.'),
    ('victim_reintegration', 'Returnees are not accepted back by their communities.'),
    ('victim_reintegration', 'Survivors are sent home without any follow-up.'),
    ('victim_reintegration', 'Victims are deported before they receive any help.'),
    ('victim_reintegration', 'There is no safe house for male victims.'),
    ('victim_reintegration', 'Victims wait months in immigration detention before repatriation.'),
    ('victim_reintegration', 'Children who return from abroad are not supported to go back to school.'),
    ('victim_reintegration', 'Survivors receive medical and psychological care.'),
    ('victim_reintegration', 'Victims do not receive compensation for the harm they suffered.'),
    ('victim_reintegration', 'Returned women are blamed by their families.'),
    ('victim_reintegration', 'Survivors struggle to find work after they come home.'),
    ('victim_reintegration', 'Child victims are placed in state care without their consent.'),
    ('victim_reintegration', 'Victims are held in detention centres for months.'),
    ('victim_reintegration', 'No one follows up on survivors once they leave the shelter.'),
    ('victim_reintegration', 'Foreign victims are kept in shelters until the trial ends.'),
    ('victim_reintegration', 'Survivors are reluctant to go back to their villages.'),
    ('victim_reintegration', 'Boys who were trafficked get no specialised services.'),
    ('corruption', 'Border guards take money to let people cross.'),
    ('corruption', 'Some police officers are involved in trafficking.'),
    ('corruption', 'Traffickers pay off local officials.'),
    ('corruption', 'Officials warn brothel owners before raids.'),
    ('corruption', 'Informal payments are demanded at checkpoints.'),
    ('corruption', 'Immigration officers accept bribes.'),
    ('corruption', 'Officials who profit from trafficking are never punished.'),
    ('corruption', 'Police protect the brothel owners.'),
    ('corruption', 'Checkpoint officers let trucks through for a fee.'),
    ('corruption', 'Some officials own shares in the karaoke bars.'),
    ('corruption', 'Complicit officers tip off traffickers about raids.'),
    ('prosecution_justice', 'Few traffickers are ever arrested.'),
    ('prosecution_justice', 'Cases are dropped when victims refuse to testify.'),
    ('prosecution_justice', 'Perpetrators are rarely held accountable.'),
    ('prosecution_justice', 'Brokers are charged with lesser offences.'),
    ('prosecution_justice', 'Evidence is insufficient to secure a conviction.'),
    ('prosecution_justice', 'Victims are afraid to file complaints against their employers.'),
    ('prosecution_justice', 'The offenders received light sentences.'),
    ('prosecution_justice', 'Victims are not informed about the progress of their case.'),
    ('prosecution_justice', 'The court process takes years.'),
    ('prosecution_justice', 'Few cases reach trial.'),
    ('prosecution_justice', 'Traffickers walk free because of lack of evidence.'),
    ('prosecution_justice', 'Investigators depend on victim statements alone.'),
    ('prosecution_justice', 'Offenders are released on bail and disappear.'),
    ('budget_funding', 'Shelters depend on money from international donors.'),
    ('budget_funding', 'No resources are allocated to the provincial committees.'),
    ('budget_funding', 'The ministry cannot pay for the repatriation of victims.'),
    ('cooperation_mou', 'There is little communication between the police and the labour ministry.'),
    ('cooperation_mou', 'The two countries signed an agreement on the return of victims.'),
    ('cooperation_mou', 'Each agency works in isolation.'),
    ('staff_rotation', 'Officers are frequently replaced, so trained staff are lost.'),
    ('staff_rotation', 'Investigators serve only a few months in each post.'),
    ('awareness_law', 'Villagers are not told about the dangers of working abroad.'),
    ('awareness_law', 'Communities should be warned about fake job offers.'),
    ('legal_framework', 'The law does not cover trafficking of men.'),
    ('legal_framework', 'The definition in the penal code is too narrow.'),
    ('victim_identification', 'Victims are treated as illegal migrants and deported.'),
    ('victim_identification', 'Trafficked fishers are often arrested as illegal workers.'),
    ('village_mediation', 'Village chiefs settle cases between families.'),
    ('village_mediation', 'Cases are resolved informally with a payment to the family.'),
    ('demand_sex_tourism', 'Men pay for sex with underage girls.'),
    ('demand_sex_tourism', 'Hostess bars employ young women from the provinces.'),
    ('materialism_values', 'Young people want to buy phones and motorbikes.'),
    ('materialism_values', 'Girls are influenced by television advertising.'),
    ('private_sector', 'Boat owners confiscate the documents of fishers.'),
    ('private_sector', 'Labour export companies charge high fees.'),
    ('monitoring_evaluation', 'No one measures the impact of the awareness campaigns.'),
    ('monitoring_evaluation', 'Progress on the NPA is reviewed every year.'),
    ('national_plan_of_action', 'The national strategy expires next year.'),
    ('national_plan_of_action', 'Provinces have no work plan for anti-trafficking.'),
    ('education', 'Children drop out of school to work.'),
    ('education', 'Girls cannot afford to stay in school.'),
]

OUT_OF_SCOPE = [
    ('database', 'The data show that migration rose.'),
    ('database', 'The latest data suggest that more women are migrating.'),
    ('database', 'According to the data, trafficking has increased.'),
    ('database', 'Villagers need information about the risks of working abroad.'),
    ('database', 'Posters and leaflets give information on safe migration.'),
    ('database', 'The training manual is up-to-date.'),
    ('database', 'A number of participants raised the issue of poverty.'),
    ('database', 'The list of priorities was agreed by the plenary.'),
    ('database', 'Police collected evidence at the karaoke bar.'),
    ('database', 'Up-to-date laws are needed to protect workers.'),
    ('database', 'Data shows that poverty is the main driver.'),
    ('database', 'The figures presented by the speaker were alarming.'),
    ('training_capacity', 'Vocational training is offered to returnees.'),
    ('training_capacity', 'Young people lack the skills needed by employers.'),
    ('training_capacity', 'Migrants do not understand their contracts.'),
    ('training_capacity', 'The workshop opened with a speech by the Vice Minister.'),
    ('training_capacity', 'Villagers know little about their rights.'),
    ('training_capacity', 'Parents lack the knowledge to protect their children.'),
    ('poverty_livelihoods', 'Poor coordination between agencies hampers investigations.'),
    ('poverty_livelihoods', 'The quality of the interviews was poor.'),
    ('poverty_livelihoods', 'Police lack funds to investigate cases.'),
    ('poverty_livelihoods', 'Poor enforcement of the law allows traffickers to operate.'),
    ('migration', 'Officials are moved to new posts every year.'),
    ('migration', 'Cross-border cooperation between police forces is weak.'),
    ('migration', 'Children leave school early.'),
    ('migration', 'The prosecutor moved the case to a higher court.'),
    ('migration', 'Border police guards were trained in 2012.'),
    ('migration', 'The NPA moved from drafting to implementation.'),
    ('migration', 'Trafficked girls are moved between brothels.'),
    ('victim_reintegration', 'Brokers look for potential victims in poor villages.'),
    ('victim_reintegration', 'Victims are often recruited by people they know.'),
    ('victim_reintegration', 'Front-line officers fail to identify victims.'),
    ('victim_reintegration', 'Police and prosecutors need training.'),
    ('victim_reintegration', 'Traffickers target victims in remote villages.'),
    ('victim_reintegration', 'The number of victims identified rose in 2012.'),
    ('victim_reintegration', 'Many victims are deceived with promises of good jobs.'),
    ('corruption', 'Police are involved in the investigation of the case.'),
    ('corruption', 'Migrants pay high fees to brokers.'),
    ('corruption', 'Officials receive their salaries late.'),
    ('corruption', 'Police lack the money to investigate.'),
    ('corruption', 'Officials pay attention to gender issues.'),
    ('prosecution_justice', 'Victims receive shelter and counselling.'),
    ('prosecution_justice', 'Recruitment agencies charge high fees.'),
    ('prosecution_justice', 'Policies are not based on evidence.'),
    ('prosecution_justice', 'The social worker visited the family.'),
    ('budget_funding', 'Migrants pay brokers to cross the border.'),
    ('budget_funding', 'Human resources are limited at the district level.'),
    ('cooperation_mou', 'Poverty drives people to migrate.'),
    ('staff_rotation', 'Victims are moved from one shelter to another.'),
    ('awareness_law', 'Agencies share information on cases.'),
    ('legal_framework', 'Agencies use different definitions of a case when they count victims.'),
    ('victim_identification', 'Victims are treated with respect in shelters.'),
    ('village_mediation', 'The case was settled in court.'),
    ('demand_sex_tourism', 'Demand for data is growing.'),
    ('materialism_values', 'Victims want to go home.'),
    ('private_sector', 'The government owns the land.'),
    ('monitoring_evaluation', 'Police monitor the border crossing.'),
    ('national_plan_of_action', 'The government plans to build more roads.'),
    ('education', 'Police need training.'),
]


def test_every_theme_has_sentences_in_and_out_of_its_scope(tagger: ThemeTagger) -> None:
    ids = set(tagger.taxonomy.ids)
    assert {t for t, _ in IN_SCOPE} == ids
    assert {t for t, _ in OUT_OF_SCOPE} == ids


@pytest.mark.parametrize(("theme", "text"), IN_SCOPE)
def test_in_scope(tagger: ThemeTagger, theme: str, text: str) -> None:
    assert theme in tags_of(tagger, text)


@pytest.mark.parametrize(("theme", "text"), OUT_OF_SCOPE)
def test_out_of_scope(tagger: ThemeTagger, theme: str, text: str) -> None:
    assert theme not in tags_of(tagger, text)


# --- Participants' remarks and reference passages are tagged like any statement.

@pytest.mark.parametrize(("theme", "text"), [
    ("database", "Lao PDR should be able to access and link in to other countries databases."),
    ("database", "How would the ministry know how many victims come back each year?"),
    ("victim_reintegration", "In our province, returnees often say that their neighbours avoid them."),
    ("migration", "This point was also raised in Viet Nam, where young people leave for the cities."),
])
def test_remarks_and_reference_passages_are_tagged(tagger: ThemeTagger, theme: str, text: str) -> None:
    assert theme in tags_of(tagger, text)


# --- The relation language.


def write_theme(tmp_path: Path, relations: list[str], patterns: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
                words: str = "") -> Path:
    def toml_list(items) -> str:
        return "[" + ", ".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "]"

    path = tmp_path / "relations.toml"
    path.write_text(
        (f"[words]\n{words}\n" if words else "")
        + '[[theme]]\nid = "probe"\nlabel = "P"\ndescription = "d"\nframe = "prevention"\n'
        + f"relations = {toml_list(relations)}\npatterns = {toml_list(patterns)}\nexclude = {toml_list(exclude)}\n",
        encoding="utf-8",
    )
    return path


def probe(nlp, path: Path, text: str) -> str | None:
    tagger = ThemeTagger(nlp, load_taxonomy(path))
    tags = {t.id: t.evidence for t in tagger.tag(nlp(text))}
    return tags.get("probe")


@pytest.mark.parametrize(("relation", "text", "evidence"), [
    # > head to dependent, with the dependent's label; < the other way round
    ("publish >dobj total", "The ministries publish their totals every year.", "publish totals"),
    ("publish >nsubj total", "The ministries publish their totals every year.", None),
    ("total <dobj publish", "The ministries publish their totals every year.", "publish totals"),
    # ~ either way; ~~ also two steps away (here: lack -> of -> data)
    ("data ~ lack", "There is a lack of data.", None),
    ("data ~~ lack", "There is a lack of data.", "lack data"),
    ("lack ~~ data", "There is a lack of data.", "lack data"),
    # >> any depth; a chain relates each node to the one before it
    ("say >> many > how", "No one can say how many returnees there are.", "say how many"),
    ("log >> notebook > collect >neg never", "Posts log crossings in notebooks that are never collected.",
     "log notebooks never collected"),
    # _ is any word and is left out of the evidence, unless it has a tag
    ("send > to > _", "Girls are sent to China.", "sent to"),
    ("send > to > _:PROPN", "Girls are sent to China.", "sent to China"),
    ("send > to > _:VERB", "Girls are sent to China.", None),
])
def test_relation_operators(nlp, tmp_path: Path, relation: str, text: str, evidence: str | None) -> None:
    assert probe(nlp, write_theme(tmp_path, [relation]), text) == evidence


def test_word_families_and_vetoes(nlp, tmp_path: Path) -> None:
    words = 'record = ["figure", "total"]\nverb = ["publish", "share"]'
    path = write_theme(tmp_path, ["@record ~ @verb ! radio|@noise"], words=words + '\nnoise = ["leaflet"]')
    assert probe(nlp, path, "Ministries share figures.") == "share figures"
    assert probe(nlp, path, "Ministries share figures on the radio.") is None
    assert probe(nlp, path, "Ministries share figures and leaflets.") is None
    vetoed_by_theme = write_theme(tmp_path, ["@record ~ @verb"], exclude=("ministry",), words=words)
    assert probe(nlp, vetoed_by_theme, "Ministries share figures.") is None
    assert probe(nlp, vetoed_by_theme, "Provinces share figures.") == "share figures"


def test_patterns_take_families_and_their_own_veto(nlp, tmp_path: Path) -> None:
    path = write_theme(tmp_path, [], patterns=("@record *2 missing ! census",), words='record = ["figure", "total"]')
    assert probe(nlp, path, "Totals are missing.") == "Totals are missing"
    assert probe(nlp, path, "Census totals are missing.") is None


def test_a_user_file_replaces_a_word_family(nlp, tmp_path: Path) -> None:
    path = tmp_path / "words.toml"
    path.write_text('[words]\nvictim = ["castaway"]\n', encoding="utf-8")
    tagger = ThemeTagger(nlp, load_taxonomy(path))
    assert "victim_reintegration" in {t.id for t in tagger.tag(nlp("Castaways are deported without any help."))}
    assert tagger.taxonomy.families["victim"] == ("castaway",)


@pytest.mark.parametrize(("relation", "message"), [
    ("data ~", "NODE OP NODE"),
    ("data => lack", "bad operator"),
    ("data >>dobj lack", "takes no label"),
    ("_ > _", "no word"),
    ("data|_ > lack", "stands alone"),
    ("@nothing > lack", "unknown word family"),
    ("data:noun > lack", "bad tag"),
])
def test_bad_relations_name_the_theme(nlp, tmp_path: Path, relation: str, message: str) -> None:
    with pytest.raises(TaxonomyError, match=f"probe.*{message}"):
        ThemeTagger(nlp, load_taxonomy(write_theme(tmp_path, [relation])))


def test_split_veto() -> None:
    assert split_veto("a > b ! c|d @f", {"f": ("e",)}) == ("a > b", ("c", "d", "e"))
    assert split_veto("a > b") == ("a > b", ())


# --- Relations on spans of a parsed doc: no second parse, and matches stay inside the statement.


class _NoParse:
    """A stand-in for the pipeline that keeps its vocabulary but refuses to parse anything."""

    def __init__(self, nlp) -> None:
        self.vocab = nlp.vocab
        self.pipe_names = nlp.pipe_names

    def __call__(self, *args, **kwargs):
        raise AssertionError("tagging a parsed span must not parse again")

    pipe = __call__


def test_a_span_is_tagged_from_its_doc_without_a_second_parse(nlp, tagger: ThemeTagger, monkeypatch) -> None:
    doc = nlp("Poverty is a major problem. No one can say how many returnees there are.")
    first, second = list(doc.sents)
    monkeypatch.setattr(tagger, "nlp", _NoParse(nlp))
    assert [t.id for t in tagger.tag(first)] == ["poverty_livelihoods"]
    assert ThemeTag("database", "say how many") in tagger.tag(second)
    assert not {t.id for t in tagger.tag(first)} & {"database"}, "the first sentence has no data words"


def test_a_relation_match_must_lie_inside_the_statement(nlp, tmp_path: Path) -> None:
    tagger = ThemeTagger(nlp, load_taxonomy(write_theme(tmp_path, ["publish >dobj total"])))
    doc = nlp("Two ministries publish different victim totals.")
    assert "probe" in {t.id for t in tagger.tag(doc)}
    assert "probe" in {t.id for t in tagger.tag(doc[2:6])}, "publish ... totals"
    assert "probe" not in {t.id for t in tagger.tag(doc[0:5])}, "the totals are outside the span"
    assert "probe" not in {t.id for t in tagger.tag(doc[3:6])}, "publish is outside the span"


def test_relations_need_the_parse_and_tag_texts_keeps_it(nlp, tagger: ThemeTagger) -> None:
    text = "Two ministries publish different victim totals."
    unparsed = next(nlp.pipe([text], disable=["parser", "ner"]))
    assert tagger.uses_parse
    assert "database" not in {t.id for t in tagger.tag(unparsed)}, "without a parse, relations do not match"
    assert tagger.tag_texts([text]) == [tagger.tag(nlp(text))]


# --- The DependencyMatcher compilation finds exactly what the definition of each operator says.


def _reference_matches(doc, nodes, steps, forms_of) -> set[tuple[int, ...]]:
    """Every tuple of distinct tokens whose words and tree positions satisfy the relation, by brute force."""

    def word_ok(token, node) -> bool:
        if node.pos and token.pos_ not in node.pos:
            return False
        if node.words is None:
            return True
        forms = {f for w, exact in zip(node.words, node.exact, strict=True) for f in ([w] if exact else forms_of(w))}
        return bool(forms & set(token_forms(token)))

    def related(a, b, op, labels) -> bool:
        def head_of(h, d) -> bool:
            return d.head == h and d != h and (not labels or d.dep_ in labels)

        if op == ">":
            return head_of(a, b)
        if op == "<":
            return head_of(b, a)
        if op == "~":
            return head_of(a, b) or head_of(b, a)
        if op == ">>":
            return a.is_ancestor(b)
        if op == "<<":
            return b.is_ancestor(a)
        assert op == "~~"
        siblings = a != b and a.head == b.head and a.head != a and b.head != b
        grand = (b.head != b and b.head.head == a and b.head != a) or (a.head != a and a.head.head == b and a.head != b)
        return head_of(a, b) or head_of(b, a) or siblings or grand

    found = set()
    for tokens in itertools.product(doc, repeat=len(nodes)):
        if not all(word_ok(t, n) for t, n in zip(tokens, nodes, strict=True)):
            continue
        if not all(related(tokens[k], tokens[k + 1], s.op, s.labels) for k, s in enumerate(steps)):
            continue
        words = tuple(sorted(t.i for t, n in zip(tokens, nodes, strict=True) if n.words is not None or n.pos))
        if len(set(words)) == len(words):
            found.add(words)
    return found


REFERENCE_RELATIONS = [
    "data|figure|total ~~ lack|share|publish|collect",
    "publish|share >dobj|nsubjpass total|figure",
    "total|figure <dobj|nsubjpass publish|share",
    "say|know >> many|much > how",
    "victim|returnee ~ assist|help|return",
    "_:NOUN ~~ collect|share",
    "lack|need ~~ data|information ~~ victim|returnee",
    "ministry <nsubj _ >dobj _:NOUN",
]

REFERENCE_SENTENCES = [
    "There is a lack of data on victims, and figures are not shared.",
    "Two ministries publish different victim totals, which nobody shares.",
    "No one can say how many returnees there are or how much help they need.",
    "Returnees are not assisted and victims who return are not helped.",
    "Data and figures are collected and shared, but information on victims is lacking.",
]


def test_relations_match_exactly_what_their_operators_define(nlp, tmp_path: Path) -> None:
    tagger = ThemeTagger(nlp, load_taxonomy(write_theme(tmp_path, REFERENCE_RELATIONS)))
    mine = [i for i, r in enumerate(tagger._relations) if r.theme == "probe"]
    assert len(mine) == len(REFERENCE_RELATIONS)
    compared = 0
    # Each sentence on its own, then all of them as one doc whose sentences are matched one by one
    # (as the ingest pipeline's statements are): the same matches, at the doc's token offsets.
    for doc in [*nlp.pipe(REFERENCE_SENTENCES), nlp(" ".join(REFERENCE_SENTENCES))]:
        tagger._mirrored(doc)
        for index, text in zip(mine, REFERENCE_RELATIONS, strict=True):
            nodes, steps = parse_relation(text)
            expected = _reference_matches(doc, nodes, steps, tagger._forms_of)
            got: set[tuple[int, ...]] = set()
            for sentence in doc.sents:
                got |= {words for words, _, _ in tagger._relation_matches(index, doc, (sentence.start, sentence.end))}
            assert got == expected, (text, doc.text)
            compared += len(expected)
    assert compared > 40, "the sentences exercise the relations"
