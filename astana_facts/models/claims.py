"""Claims: one atomic, checkable statement made by one source, with a typed value and evidence.

A claim's ``kind`` fixes the type of its ``value``; the JSON Schema expresses the same pairing
with a discriminator on ``kind``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, PrivateAttr

from astana_facts.models.base import EntityId, Identifier, Record, Text, schema_ref
from astana_facts.models.judged import VerdictLookup, VerdictView
from astana_facts.models.lifecycle import Deprecation
from astana_facts.models.spans import Span
from astana_facts.models.values import (
    CountValue,
    DateValue,
    DurationValue,
    InstrumentValue,
    LocationValue,
    OfficeValue,
    ParticipantsValue,
    PlanValue,
    RelationValue,
    RelativeDateValue,
    RoundValue,
    StatementValue,
)

Modality = Literal["reported", "planned", "opinion"]
"""reported: stated as fact; planned: announced for the future; opinion: a view or assessment."""


class Publisher(Record):
    """The document's publisher states the claim in its own voice."""

    type: Literal["publisher"]
    """Attribution kind."""


class Speaker(Record):
    """A named person or body is quoted or reported as saying it."""

    type: Literal["speaker"]
    """Attribution kind."""
    entity: EntityId
    """Who said it."""
    via: EntityId | None = None
    """The outlet that reported the speaker's words, where the text cites one."""


class Outlet(Record):
    """The text attributes the claim to another publication ("according to The Washington Post")."""

    type: Literal["outlet"]
    """Attribution kind."""
    entity: EntityId
    """The cited outlet."""


class Unnamed(Record):
    """An unnamed source ("political analysts believe", "according to experts")."""

    type: Literal["unnamed"]
    """Attribution kind."""
    description: Text
    """How the text describes the source."""
    via: EntityId | None = None
    """The outlet that reported it, where the text cites one."""


Attribution = Annotated[Publisher | Speaker | Outlet | Unnamed, Field(discriminator="type")]
"""Who asserts a claim."""


class ClaimBase(Record):
    """Fields every claim has, whatever its kind."""

    id: Identifier
    """Unique id of the claim across the whole dataset."""
    subject: EntityId
    """The entity the claim is about: the round, the instrument, the person, the conflict."""
    attribution: Attribution
    """Who asserts the claim: the publisher, a speaker, a cited outlet or an unnamed source."""
    modality: Modality
    """reported, planned or opinion."""
    evidence: Annotated[list[Span], Field(min_length=1)]
    """One or more spans of the claim's document that state it."""
    note: str | None = None
    """The annotator's reasoning where the text needed interpretation."""
    deprecated: Deprecation | None = None
    """Set when the claim is withdrawn, split or changed kind: why, the ids replacing it, since
    which version. It stays a record (its id still finds it) but no rule, verdict or coverage
    counts it."""

    value_summary: ClassVar[str]
    """The fields of this kind's value, in words (the claim-kinds table of the README)."""
    example: ClassVar[str]
    """A phrase of a text that makes a claim of this kind (the claim-kinds table)."""

    _document: str = PrivateAttr(default="")
    _verdict_of: VerdictLookup | None = PrivateAttr(default=None)

    @property
    def document(self) -> str:
        """Id of the source document that makes this claim (set when the dataset is loaded)."""
        return self._document

    @property
    def verdict(self) -> VerdictView | None:
        """The claim's verdict against the facts (``label``, ``facts``, ``reason``, ``by``), from
        the dataset it was loaded with (``Dataset.verdicts``); None when it has none."""
        return self._verdict_of(self.id) if self._verdict_of is not None else None


class EventDateClaim(ClaimBase):
    """When an event took place: "met again on May 3rd and 4th"."""

    kind: Literal["event_date"]
    """Claim kind."""
    value_summary: ClassVar[str] = (
        "`start`, `end` (inclusive days), `precision` (day, part_of_month, month, year), "
        "`stance` (full_span, day_within, start, end)"
    )
    example: ClassVar[str] = "met again on May 3rd and 4th"
    value: DateValue
    """The dates, with precision and stance."""


class RoundNumberClaim(ClaimBase):
    """Which round of a series an event was: "the eighth round of negotiations"."""

    kind: Literal["round_number"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`series`, `ordinal`"
    example: ClassVar[str] = "the eighth round of negotiations"
    value: RoundValue
    """The series and ordinal."""


class CountClaim(ClaimBase):
    """How many: "320 foreign reporters arrived"."""

    kind: Literal["count"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`measure`, `amount` (a quantity), optional `as_of`"
    example: ClassVar[str] = "320 foreign reporters"
    value: CountValue
    """What is counted and how many."""


class DurationClaim(ClaimBase):
    """How long: "the two-day talks", "without water for 28 days"."""

    kind: Literal["duration"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`unit`, `amount`"
    example: ClassVar[str] = "the two-day talks"
    value: DurationValue
    """The length and its unit."""


class ParticipantsClaim(ClaimBase):
    """Who took part in which role: "delegations from Russia, Iran and Turkey"."""

    kind: Literal["participants"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`role`, `members`, `complete`"
    example: ClassVar[str] = "delegations from guarantor states Iran, Russia and Turkey"
    value: ParticipantsValue
    """The role, the members, and whether the list is complete."""


class InstrumentClaim(ClaimBase):
    """What happened to an instrument: "Russia, Iran and Turkey signed a memorandum on May 4th"."""

    kind: Literal["instrument"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`action`, `parties`, optional `date` and `event`"
    example: ClassVar[str] = "signed a memorandum on May 4th"
    value: InstrumentValue
    """The action, the parties, the date and the round."""


class StatementClaim(ClaimBase):
    """Something said: "the peace talks are the only way to resolve the conflict in Syria"."""

    kind: Literal["statement"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`content`, `direct`"
    example: ClassVar[str] = "“the peace talks are the only way …”"
    value: StatementValue
    """What was said and whether verbatim."""


class PlanClaim(ClaimBase):
    """An announced intention: "plans to deliver humanitarian aid"."""

    kind: Literal["plan"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`description`, optional `date`"
    example: ClassVar[str] = "plans to deliver humanitarian aid"
    value: PlanValue
    """What is planned and when."""


class LocationClaim(ClaimBase):
    """Where an event took place: "held in Astana"."""

    kind: Literal["location"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`place`"
    example: ClassVar[str] = "held in Astana"
    value: LocationValue
    """The place."""


class OfficeClaim(ClaimBase):
    """Who held which office: "Foreign Minister of Kazakhstan Kairat Abdrakhmanov"."""

    kind: Literal["office"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`office`, `organisation`"
    example: ClassVar[str] = "Foreign Minister of Kazakhstan Kairat Abdrakhmanov"
    value: OfficeValue
    """The office and whose it is."""


class RelationClaim(ClaimBase):
    """Who backs whom: "Turkey, which backs various rebel groups"."""

    kind: Literal["relation"]
    """Claim kind."""
    value_summary: ClassVar[str] = "`relation`, `objects`"
    example: ClassVar[str] = "Turkey, which backs various rebel groups"
    value: RelationValue
    """The relation and its objects."""


class RelativeDateClaim(ClaimBase):
    """A day of an event counted from a day of another (or the same) event: "the next day", "three
    days after the round opened", "a week before the congress"."""

    kind: Literal["relative_date"]
    """Claim kind."""
    value_summary: ClassVar[str] = (
        "`part` (start, end, day_within), `direction` (after, before), `unit` (day, week), "
        "`amount` (a quantity), `anchor_part` and `anchor` (the event counted from)"
    )
    example: ClassVar[str] = "The next day on December 21, the final plenary session was held"
    value: RelativeDateValue
    """Which day, how far after or before which day of which event."""


Claim = Annotated[
    EventDateClaim
    | RoundNumberClaim
    | CountClaim
    | DurationClaim
    | ParticipantsClaim
    | InstrumentClaim
    | StatementClaim
    | PlanClaim
    | LocationClaim
    | OfficeClaim
    | RelationClaim
    | RelativeDateClaim,
    Field(discriminator="kind"),
]
"""Any claim; ``kind`` selects the model."""


NoClaimReason = Literal["repeated_headline", "boilerplate", "opinion", "no_checkable_content"]
"""Why a sentence carries no claim: it repeats the headline or another sentence that is annotated;
it is site boilerplate (navigation, bylines, teasers of other articles); it is an opinion or
assessment with no checkable core; or it states nothing checkable at all (a transition)."""


class NotCheckWorthy(Record):
    """A stretch of text that holds no check-worthy claim, with the reason: what the coverage
    check accepts in place of a claim span."""

    reason: NoClaimReason
    """repeated_headline, boilerplate, opinion or no_checkable_content."""
    evidence: Annotated[list[Span], Field(min_length=1)]
    """The sentence or sentences concerned."""
    note: Text
    """A short explanation, specific to this text."""


class ClaimsFile(Record):
    """``records/claims/<document>.json``: the claims grounded in one source document."""

    schema_: str = schema_ref("claims")
    """Path or URI of this file's JSON Schema."""
    document: Identifier
    """Id of the source document the claims come from (``records/sources/<document>.json``)."""
    claims: list[Claim]
    """The claims, in the order they appear in the text."""
    not_check_worthy: list[NotCheckWorthy] = []
    """Sentences with no check-worthy claim, each with its reason, so that every sentence of the
    document is accounted for (coverage check COV001)."""
