"""The report runs the pipeline without the spans' anchors (``anchors=False``): its output is
the same, and the kept claims carry no ``prefix`` or ``suffix``."""

from __future__ import annotations

from astana_facts.pipeline.run import run
from astana_facts.render.context import RenderContext
from astana_facts.render.registry import render


def test_the_report_is_the_same_without_the_anchors() -> None:
    without = run(consistency=True, anchors=False)  # first: it must not change what others read
    with_anchors = run(consistency=True)
    for output_format in ("text", "json", "sarif"):
        assert render("report", output_format, without, RenderContext()) == render(
            "report", output_format, with_anchors, RenderContext()
        ), output_format
    spans = [span for record in without.records.claims for span in record.claim["evidence"]]
    assert spans and not any("prefix" in span or "suffix" in span for span in spans)
    kept = [span for record in with_anchors.records.claims for span in record.claim["evidence"]]
    assert any("prefix" in span for span in kept)
