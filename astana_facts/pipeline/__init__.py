"""The pipeline: read, integrity, consistency, adjudication and locating, in one direction."""
