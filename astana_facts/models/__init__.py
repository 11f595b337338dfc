"""The record models: the Python API of the dataset and the source of the published JSON Schemas."""

from __future__ import annotations

from astana_facts.models.adjudications import Adjudication, AdjudicationsFile, ExternalEvidence
from astana_facts.models.claims import (
    Attribution,
    Claim,
    ClaimBase,
    ClaimsFile,
    Modality,
    NotCheckWorthy,
)
from astana_facts.models.entities import EntitiesFile, Entity
from astana_facts.models.facts import (
    FACT_KINDS,
    NOT_FACT_KINDS,
    Fact,
    FactBase,
    FactsFile,
    PublicSource,
)
from astana_facts.models.kinds import CLAIM_KINDS
from astana_facts.models.lifecycle import Deprecation, Removal, RemovalsFile
from astana_facts.models.measures import Measure, MeasuresFile
from astana_facts.models.rules import Rule, RulesFile
from astana_facts.models.sources import Document, PublishedDate, SourceMetadata
from astana_facts.models.spans import Span
from astana_facts.models.values import DateInterval, DateValue, Quantity
from astana_facts.models.verdicts import EditorVerdict, VerdictsFile

__all__ = [
    "CLAIM_KINDS",
    "FACT_KINDS",
    "NOT_FACT_KINDS",
    "Adjudication",
    "AdjudicationsFile",
    "Attribution",
    "Claim",
    "ClaimBase",
    "ClaimsFile",
    "DateInterval",
    "DateValue",
    "Deprecation",
    "Document",
    "EditorVerdict",
    "EntitiesFile",
    "Entity",
    "ExternalEvidence",
    "Fact",
    "FactBase",
    "FactsFile",
    "Measure",
    "MeasuresFile",
    "Modality",
    "NotCheckWorthy",
    "PublicSource",
    "PublishedDate",
    "Quantity",
    "Removal",
    "RemovalsFile",
    "Rule",
    "RulesFile",
    "SourceMetadata",
    "Span",
    "VerdictsFile",
]
