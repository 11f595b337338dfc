"""A fuzz case: a copy of the template folder, mutated by a seeded draw, then every command run
over it and every promise of issue 12 checked (see ``check``)."""

from __future__ import annotations

import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz import files, mutations
from tests.fuzz.mutations import Mutation, Step

CATALOG: Sequence[tuple[Mutation, int]] = (
    (mutations.change_value, 30),
    (mutations.delete_key, 8),
    (mutations.duplicate_item, 6),
    (mutations.duplicate_key, 4),
    (mutations.odd_string, 8),
    (mutations.claim_across_files, 3),
    (mutations.wrong_document, 3),
    (mutations.offsets_out_of_range, 4),
    (files.flip_byte, 6),
    (files.truncate, 3),
    (files.bad_encoding, 3),
    (files.empty_file, 2),
    (files.edit_text, 6),
    (files.remove, 3),
    (files.rename, 2),
    (files.folder_for_file, 1),
    (files.symlink, 2),
    (files.fifo, 1),
    (files.stray_files, 2),
)
"""Every mutation with its weight: most cases change values, a few change the folder."""


@dataclass
class Case:
    """One mutated folder: where it is and how it was made."""

    seed: int
    index: int
    folder: Path
    steps: list[Step] = field(default_factory=list)
    git: bool = False

    @property
    def records(self) -> Path:
        return self.folder / "records"

    @property
    def validators(self) -> Path:
        return self.folder / "validators"

    @property
    def must_fail(self) -> bool:
        """Whether validate must fail: the last mutation broke the records for sure (a later
        one could undo an earlier one's breakage: rename the file it broke, say)."""
        return bool(self.steps) and self.steps[-1].must_fail

    @property
    def kinds(self) -> set[str]:
        return {step.kind for step in self.steps}

    def rng(self, purpose: str) -> random.Random:
        """A generator of its own for each purpose, so that adding a mutation does not change
        which commands a case runs."""
        return random.Random(f"{self.seed}:{self.index}:{purpose}")

    def describe(self) -> str:
        steps = "\n".join(f"  - {step}" for step in self.steps) or "  - (no mutation applied)"
        return f"seed {self.seed}, case {self.index}{' (git)' if self.git else ''}:\n{steps}"


def make_case(seed: int, index: int, template: Path, folder: Path, *, git: bool = False) -> Case:
    """Copy ``template`` to ``folder`` and apply one to three mutations drawn for this case."""
    shutil.copytree(template, folder, symlinks=True)
    case = Case(seed, index, folder, git=git)
    rng = case.rng("mutations")
    mutations_of_case = [mutation for mutation, _ in CATALOG]
    weights = [weight for _, weight in CATALOG]
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        mutation = rng.choices(mutations_of_case, weights)[0]
        step = mutation(rng, folder)
        if step is not None:
            case.steps.append(step)
    return case
