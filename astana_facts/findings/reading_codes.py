"""The rows of the rule table for what reading a records folder finds beyond bad JSON: numbers
that would change, files that are not files, nesting that cannot be written back, a folder with
nothing to check (SCH010-SCH014; the table is :mod:`astana_facts.findings.codes`)."""

from __future__ import annotations

from astana_facts.findings.code import Code

READING_CODES: tuple[Code, ...] = (
    Code(
        "SCH010",
        "inexact-number",
        "error",
        "A number that would not be read or written back as it is written.",
        "orjson reads an integer beyond 2^64 as a double (1234567890123456789012345 becomes "
        "1.2345678901234568e+24), 1e400 as infinity, and writes 1.50 as 1.5 and -0 as 0: fmt "
        "would change the value or its spelling behind the author's back.",
        "Write the number as the message says (1.5, 0, 100000), or within the bound of its field"
        " (whole numbers go up to 9007199254740991, 2^53 - 1).",
    ),
    Code(
        "SCH011",
        "not-a-regular-file",
        "error",
        "A records file or source text is a FIFO, device, socket, folder, link loop or dangling"
        " link.",
        "Reading a FIFO blocks forever and a device may do anything when opened; a link loop or"
        " a dangling link names no file, so its records would be missing. None of them is "
        "opened.",
        "Replace it by the regular file it stands for, or remove it.",
    ),
    Code(
        "SCH013",
        "too-deeply-nested",
        "error",
        "Arrays and objects nested deeper than a records file can be written back with (254 "
        "levels).",
        "orjson reads 1,024 levels of nesting but writes only 254, so such a file could not be "
        "formatted or compared; no record needs more than a handful.",
        "Remove the stray nesting at the line and column given.",
    ),
    Code(
        "SCH014",
        "no-claims",
        "warning",
        "The records folder holds no claims file, so no claim was checked.",
        "A folder with no claims passes every check, so a wrong folder, or claims kept "
        "somewhere the reader does not look, would pass in silence.",
        "Check the folder given (--records DIR names the folder that holds sources/ and "
        "claims/); add claims files as claims/<document>.json (`astana-facts add-source` "
        "starts one).",
    ),
)
"""In table order, after SCH009. (SCH012 is not used: a folder that cannot be read is SCH007,
like a file.)"""
