"""Versions of the dataset: what changed between two of them (:mod:`.diff`), read from a folder,
a wheel, the bundled data or a git revision (:mod:`.sides`), and the release check
(:mod:`.release`)."""
