"""Provenance: the URLs and dates that say where a source is and when it was read.

A URL (``url``, ``archived_url`` of source metadata and of a fact's evidence) must be a
well-formed absolute http(s) URL (SRC009), by two rules:

1. it parses as pydantic's ``AnyHttpUrl`` does (pydantic-core's URL validator: the WHATWG URL
   standard, scheme http or https, a valid host, a port in range);
2. its text is already what that parser would keep: only the characters RFC 3986 allows
   (ASCII letters, digits and ``-._~:/?#[]@!$&'()*+,;=``), ``%`` only before two hex digits, no
   space. The parser would silently repair anything else (percent-encode a space, an ellipsis
   ``…`` left by a shortened copy, turn ``\\`` into ``/``), so such a text is not the address it
   stands for.

The stored text is never changed: the parsed URL is only looked at, and a record keeps the URL
its editor wrote.

A date of provenance (``retrieved``, the ``published`` day of a fact's evidence) must not lie in
the future (SRC010): not after today's date anywhere on earth (UTC+14), so that no time zone's
today is reported.
"""

from __future__ import annotations

import datetime as _dt
import re
import string
from collections.abc import Iterator, Mapping
from functools import cache

from pydantic_core import SchemaValidator, ValidationError, core_schema

from astana_facts.findings.finding import Finding
from astana_facts.reading.folder import SourceFile

_URI_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%")
"""The characters of a URI (RFC 3986, section 2): unreserved, reserved, and ``%`` of an escape."""
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+(?:[a-z]{{2,63}}|xn--[a-z0-9-]{{1,59}})")
"""A host name as the parser gives it (lower case, international names in punycode): labels of
letters, digits and inner hyphens (RFC 1123), at least two, the last a top-level domain."""
_IP = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|\[[0-9a-f:.]+\]")

LATEST_OFFSET = _dt.timedelta(hours=14)
"""The earliest time zone's lead on UTC (UTC+14, Kiribati): today there is at most this far
ahead of today in UTC."""


@cache
def _url_validator() -> SchemaValidator:
    """pydantic's ``AnyHttpUrl`` validator, from pydantic-core alone (no pydantic import)."""
    return SchemaValidator(core_schema.url_schema(allowed_schemes=["http", "https"]))


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a well-formed absolute http(s) URL, or None when it is."""
    for character in url:
        if character in _URI_CHARACTERS:
            continue
        code = f"U+{ord(character):04X}"
        if character.isspace() or not character.isprintable():
            return f"it holds a space or a control character ({code})"
        hint = " (an ellipsis marks a shortened URL: copy the whole address)"
        return (
            f"it holds {character!r} ({code}), which a URL cannot hold unencoded"
            f"{hint if character == chr(0x2026) else ''}; percent-encode it (a host name in "
            "punycode)"
        )
    if not url.startswith(("http://", "https://")):
        return "it does not start with http:// or https://"
    if _BAD_ESCAPE.search(url):
        return "a '%' is not followed by two hex digits"
    try:
        parsed = _url_validator().validate_python(url)
    except ValidationError as error:
        return str(error.errors(include_url=False)[0]["msg"]).rstrip(".").lower()
    host = parsed.host or ""
    if not (_DOMAIN.fullmatch(host) or _IP.fullmatch(host)):
        return (
            f"its host {host!r} is not a domain name (labels of letters, digits and inner "
            "hyphens; a top-level domain) or an IP address"
        )
    return None


def today_anywhere(now: _dt.datetime | None = None) -> _dt.date:
    """The latest date it is anywhere on earth at ``now`` (default: the current time)."""
    moment = now if now is not None else _dt.datetime.now(_dt.UTC)
    return (moment.astimezone(_dt.UTC) + LATEST_OFFSET).date()


def date_problem(day: _dt.date, today: _dt.date) -> str | None:
    """Why ``day`` cannot be a date of provenance (it lies after ``today``), or None."""
    if day > today:
        return f"{day.isoformat()} is in the future (today is {today.isoformat()} at the latest)"
    return None


def provenance_findings(
    record: Mapping[str, object],
    *,
    subject: str,
    file: str,
    pointer: str,
    today: _dt.date,
    shown: str = "",
) -> Iterator[Finding]:
    """SRC009 for a malformed ``url`` or ``archived_url`` of ``record``, SRC010 for a
    ``retrieved`` or a ``published`` day in the future (a ``published`` interval of source
    metadata is a publication date with its precision, checked elsewhere). ``subject`` starts
    every message ("document X", "fact Y"); ``pointer`` is the record's JSON Pointer in its
    file, ``shown`` the record's path in the message ("evidence/0")."""
    prefix = f"{shown}/" if shown else ""
    for field in ("url", "archived_url"):
        url = record.get(field)
        if isinstance(url, str) and (problem := url_problem(url)) is not None:
            yield Finding.of(
                code="SRC009",
                message=f"{subject}, field {prefix}{field}: {url!r} is not a well-formed "
                f"http(s) URL: {problem}",
                file=file,
                pointer=f"{pointer}/{field}",
            )
    for field in ("published", "retrieved"):
        day = record.get(field)
        if isinstance(day, _dt.date) and (problem := date_problem(day, today)) is not None:
            yield Finding.of(
                code="SRC010",
                message=f"{subject}, field {prefix}{field}: {problem}",
                file=file,
                pointer=f"{pointer}/{field}",
            )


def check_source_provenance(
    files: list[SourceFile], today: _dt.date | None = None
) -> Iterator[Finding]:
    """SRC009 and SRC010 for the ``url``, ``archived_url`` and ``retrieved`` of every source
    metadata file that passed its model."""
    today = today if today is not None else today_anywhere()
    for found in files:
        metadata = found.loaded.record
        if metadata is None:
            continue
        yield from provenance_findings(
            metadata,
            subject=f"document {metadata['id']}",
            file=found.loaded.file,
            pointer="",
            today=today,
        )
