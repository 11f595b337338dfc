"""Fuzzing: copies of the bundled records, mutated the way a hostile contributor or a broken disk
would, run through every command (issue 12). ``mutations`` makes the folders, ``harness`` runs
the commands and checks the promises, ``known`` lists failures known and
being fixed elsewhere (none now)."""
