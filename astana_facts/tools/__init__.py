"""Contributor tools beside the pipeline: fmt, add-source, stats, the scope of a change."""
