"""Findings: the one result type of every check, its severities and the table of codes."""
