"""The :class:`Dataset`: the records of one folder as typed models, what the Python API serves."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from astana_facts.models import (
        Adjudication,
        Claim,
        Document,
        Entity,
        Fact,
        Measure,
        Removal,
        Rule,
    )
    from astana_facts.verdicts import Verdict

Judge = Callable[[], "Mapping[str, Verdict]"]
"""What gives a dataset its verdicts when they are first asked for: claim id -> verdict."""


class RemovedClaimError(KeyError):
    """A claim id that the dataset no longer has, logged in ``records/removals.json``: the
    message names the version that removed it, why, and what replaces it."""

    def __init__(self, removal: Removal) -> None:
        self.removal = removal
        replacement = ", ".join(removal.replacement) or "nothing (withdrawn)"
        super().__init__(
            f"claim {removal.id} was removed in version {removal.version}: {removal.reason} "
            f"Replaced by: {replacement}."
        )

    def __str__(self) -> str:
        return str(self.args[0])  # (KeyError would show the message's repr)


@dataclass
class Dataset:
    """The records of one folder as typed models: the Python API.

    ``documents`` maps document id to :class:`~astana_facts.models.Document` (``text`` and
    ``metadata``); ``claims`` lists every claim in file order (pydantic models with ``id``,
    ``kind``, ``value``, ``evidence``, ...; each span knows its ``document``); ``entities`` maps
    entity id to :class:`~astana_facts.models.Entity`; ``measures`` measure id to
    :class:`~astana_facts.models.Measure` (what count claims count); ``facts`` lists what the
    editors establish from public sources (``records/facts.json``), in file order: pydantic
    models with ``id``, ``kind``, ``subject``, ``value`` (the value model of a claim of that
    kind), ``evidence`` (public sources with ``url`` and ``quote``) and ``rationale``.

    ``verdicts`` maps claim id to its :class:`~astana_facts.verdicts.Verdict` against the facts
    (``label``, ``facts``, ``reason``, ``by``), in claim id order, and ``claim.verdict`` is the
    same verdict on each claim (None for a claim without one). They are derived when first
    asked for, by ``judge`` (for :func:`astana_facts.load`: the pipeline with its consistency
    and verdict stages over the same folder), so loading costs nothing more when they are not
    used; without a ``judge`` there are none:

    >>> from astana_facts.verdicts import Verdict
    >>> judged = Verdict("c1", "refuted", ("fact-1",), "It started a day later.")
    >>> dataset = Dataset(Path("records"), judge=lambda: {"c1": judged})
    >>> dataset.verdicts["c1"].label, dataset.verdict("c1") is judged, dataset.verdict("c2")
    ('refuted', True, None)
    >>> Dataset(Path("records")).verdicts
    {}
    """

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    adjudications: list[Adjudication] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    removals: dict[str, Removal] = field(default_factory=dict)
    """Claim id -> its entry in the removal log (``records/removals.json``): ids removed or
    renamed, which :meth:`claim` and :meth:`lookup` name instead of failing silently."""
    judge: Judge | None = field(default=None, repr=False, compare=False)
    """Gives the verdicts when first asked for (None: no verdicts)."""
    _verdicts: dict[str, Verdict] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def verdicts(self) -> dict[str, Verdict]:
        """Claim id -> the verdict on that claim against the facts, in claim id order (derived
        on first use, then kept)."""
        if self._verdicts is None:
            found = dict(self.judge()) if self.judge is not None else {}
            self._verdicts = {claim: found[claim] for claim in sorted(found)}
        return self._verdicts

    def verdict(self, claim_id: str) -> Verdict | None:
        """The verdict on the claim ``claim_id``, or None when it has none."""
        return self.verdicts.get(claim_id)

    def claim(self, claim_id: str) -> Claim:
        """The claim with id ``claim_id``, deprecated or not (``claim.deprecated`` says why and
        what replaces it); :class:`RemovedClaimError` (a KeyError naming the version, the
        reason and the replacement) for an id in the removal log, KeyError for any other."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        if claim_id in self.removals:
            raise RemovedClaimError(self.removals[claim_id])
        raise KeyError(claim_id)

    def deprecated(self) -> list[Claim]:
        """The deprecated claims, in file order: each keeps its id and says why and what
        replaces it (``claim.deprecated``: ``reason``, ``replaced_by``, ``since``)."""
        return [claim for claim in self.claims if claim.deprecated is not None]

    def fact(self, fact_id: str) -> Fact:
        """The fact with id ``fact_id`` (KeyError when there is none)."""
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def facts_about(self, subject: str, kind: str | None = None) -> list[Fact]:
        """The facts about the entity ``subject`` (of one ``kind`` when given), in file
        order."""
        return [
            fact
            for fact in self.facts
            if fact.subject == subject and (kind is None or fact.kind == kind)
        ]

    def claims_of(self, document_id: str) -> list[Claim]:
        """The claims grounded in one document, in file order."""
        return [claim for claim in self.claims if claim.document == document_id]

    def text(self, document_id: str) -> str:
        """The verbatim text of a document."""
        return self.documents[document_id].text

    def lookup(self, name: str) -> Entity:
        """The entity whose id, name, alias or registered misspelling is ``name``, compared as
        the name rules compare forms (case-folded, a leading "the" dropped), as pycountry's
        ``lookup`` finds a country by any of its names; ``LookupError`` when none is
        (:class:`RemovedClaimError`, naming its version, reason and replacement, when ``name``
        is a claim id of the removal log).

        >>> import astana_facts
        >>> astana_facts.load().lookup("Addrakmanov").id
        'kairat-abdrakhmanov'
        """
        wanted = _normalise(name)
        for entity_id in sorted(self.entities):
            entity = self.entities[entity_id]
            forms = [entity.id, entity.name, *entity.aliases, *entity.misspellings]
            if any(_normalise(form) == wanted for form in forms):
                return entity
        if name in self.removals:  # (a stored claim id looked up here: say where it went)
            raise RemovedClaimError(self.removals[name])
        raise LookupError(f"no entity is called {name!r}")

    def search(self, name: str, limit: int = 5) -> list[tuple[Entity, float]]:
        """The entities whose name, aliases or registered misspellings are most like ``name``,
        best first, each with its score (0-100: rapidfuzz's ratio on the forms the name rules
        compare, the matcher of NAM001); at most ``limit``, none scoring 0.

        >>> import astana_facts
        >>> [entity.id for entity, _ in astana_facts.load().search("Abdrakmanov", limit=1)]
        ['kairat-abdrakhmanov']
        """
        from rapidfuzz import fuzz

        wanted = _normalise(name)
        scored = []
        for entity_id in sorted(self.entities):
            entity = self.entities[entity_id]
            forms = [entity.name, *entity.aliases, *entity.misspellings]
            best = max(fuzz.ratio(wanted, _normalise(form)) for form in forms)
            if best > 0:
                scored.append((entity, float(best)))
        scored.sort(key=lambda found: (-found[1], found[0].id))
        return scored[:limit]

    def claims_about(self, entity: str | Entity) -> list[Claim]:
        """Every claim that names the entity (its id, or the entity itself): as its subject, in
        its value or as its speaker, in file order.

        >>> import astana_facts
        >>> claims = astana_facts.load().claims_about("kairat-abdrakhmanov")
        >>> len(claims) > 0
        True
        """
        from astana_facts.reading.model_paths import claim_collectors

        wanted = entity if isinstance(entity, str) else entity.id
        return [
            claim
            for claim in self.claims
            if wanted in claim_collectors(claim.kind)[0](claim.model_dump(by_alias=True))
        ]


def _normalise(form: str) -> str:
    """Case-folded, without a leading "the" (as the name rules compare forms)."""
    folded = form.casefold().strip()
    return folded[4:] if folded.startswith("the ") else folded
