"""Renderers: turn findings, a report, statistics or a diff into text for people, Markdown,
JSON for programs, or CI annotations (GitHub, SARIF); and the report into a static site
(:mod:`astana_facts.render.html`, a folder format whose renderer yields files).

Renderers only read what they are given; they never decide anything. The one table of formats is
:data:`astana_facts.render.registry.FORMATS`; every renderer has the signature
``render(subject, context) -> str``.
"""
