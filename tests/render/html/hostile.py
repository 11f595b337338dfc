"""A records folder whose text is hard to highlight and hostile to render: a non-BMP emoji and
a ZWJ sequence (two UTF-16 units or more per code point), U+00A0, combining marks that NFC
keeps apart, HTML special characters, and a ``<script>`` in the text and in a claim's note;
with spans that nest, cross and share a start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.factories import build_records, not_check_worthy, span

SCRIPT = "<script>window.pwned = 1; document.title = 'pwned'</script>"
TEXT = (
    "Sample talks\n\n"
    "The \U0001f600 round of talks met on May 3rd and 4th in Astana.\n"
    "Kairat\u00a0Abdrakhmanov said \u201cthe talks are the only way\u201d & <b>more</b>.\n"
    f"A q\u0303uote with {SCRIPT} and \U0001f469\u200d\U0001f469\u200d\U0001f467 families.\n"
)


def _claim(
    identifier: str, kind: str, value: dict[str, Any], exact: str, **extra: Any
) -> dict[str, Any]:
    return {
        "id": identifier,
        "kind": kind,
        "subject": extra.pop("subject", "astana-round-4"),
        "value": value,
        "attribution": {"type": "publisher"},
        "modality": "reported",
        "evidence": [span(TEXT, exact)],
        **extra,
    }


def hostile_claims() -> list[dict[str, Any]]:
    """Claims whose spans nest (dates inside the place), cross (the talks across the dates) and
    hold an emoji, U+00A0, a combining mark and a ``<script>``."""
    dates = {"start": "2017-05-03", "end": "2017-05-04", "precision": "day", "stance": "full_span"}
    statement = {"content": "a quote", "direct": False}
    return [
        _claim("hostile-dates", "event_date", dates, "May 3rd and 4th", note=SCRIPT),
        _claim("hostile-place", "location", {"place": "astana"}, "May 3rd and 4th in Astana"),
        _claim(
            "hostile-round",
            "round_number",
            {"series": "astana-process", "ordinal": 4},
            "The \U0001f600 round of talks met on May 3rd",
        ),
        _claim(
            "hostile-speaker",
            "statement",
            statement,
            "Kairat\u00a0Abdrakhmanov said \u201cthe talks are the only way\u201d & <b>more</b>",
            subject="astana-process",
        ),
        _claim(
            "hostile-script",
            "statement",
            statement,
            f"q\u0303uote with {SCRIPT} and \U0001f469\u200d\U0001f469\u200d\U0001f467",
            subject="astana-process",
        ),
        _claim(
            "hostile-family",
            "statement",
            statement,
            "\U0001f469\u200d\U0001f469\u200d\U0001f467 families",
            subject="astana-process",
        ),
    ]


def hostile_records(root: Path) -> Path:
    """The hostile records folder at ``root``."""
    folder = build_records(root, text=TEXT, claim_list=hostile_claims())
    assert not_check_worthy(TEXT)
    return folder
