"""Exports of the dataset to the tools users already have: JSON Lines, CSV with a Frictionless
Data Package descriptor, and SQLite (:mod:`.tables` defines the tables, :mod:`.writers` writes
them)."""
