"""Regenerate the README's screenshots of the html report: ``python -m
tests.render.html.screenshots [FOLDER]`` (default ``docs/images``) renders the bundled data's
site into a temporary folder and photographs its index, a finding, a document and a timeline
with the system Chromium (see :mod:`tests.render.html.browser`)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import REPO
from tests.render.html.browser import browser, screenshots, unavailable


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO / "docs" / "images"
    why = unavailable()
    if why:
        print(f"cannot take screenshots: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "astana_facts",
                "report",
                "--records",
                str(REPO / "records"),
                "--format",
                "html",
                "-o",
                str(site),
                "--exit-zero",
                "-q",
            ],
            check=True,
        )
        with browser() as chromium:
            for path in screenshots(site, folder, chromium):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
