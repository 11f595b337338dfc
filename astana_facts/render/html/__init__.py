"""The html format: ``astana-facts report --format html -o DIR`` writes a static site of the
report (an index, a page per finding, per document, per event and series timeline, the
participants tables and the rules), readable offline from the file system.

Pages are built in Python from the pipeline's :class:`~astana_facts.pipeline.result.Result`:
quotes are highlighted from code-point offsets (:mod:`.highlight`), timelines are SVG drawn from
the temporal reasoner's bounds (:mod:`.timeline`, :mod:`.svg`), and jinja2 (the ``html`` extra,
imported only when the site is rendered) fills the templates with autoescaping on, so source
texts, notes and names are shown as text, never run. The same data gives byte-identical files.
"""
