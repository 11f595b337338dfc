"""What engines work out once is remembered per key and per the object it was made from."""

from __future__ import annotations

from astana_facts.consistency.context import Context


def test_a_result_is_made_once_for_its_key_and_source() -> None:
    context = Context(claims=[])
    source: list[str] = ["a"]
    made: list[int] = []

    def make() -> int:
        made.append(1)
        return len(made)

    assert context.remembered(("k", id(source)), source, make) == 1
    assert context.remembered(("k", id(source)), source, make) == 1
    assert made == [1]


def test_another_source_under_the_same_key_is_worked_out_anew() -> None:
    """A key that holds an ``id`` could meet a new object given an old one's id: the result is
    only reused for the very object it was made from."""
    context = Context(claims=[])
    first, second = ["a"], ["a"]
    assert context.remembered("k", first, lambda: "from first") == "from first"
    assert context.remembered("k", second, lambda: "from second") == "from second"
    assert context.remembered("k", second, lambda: "again") == "from second"
