"""Reading highlighted HTML back with the standard library's parser: the text it shows and,
per ``data-span``, the text of its fragments joined in document order (what a browser's DOM
gives as ``textContent``)."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser


class SpanText(HTMLParser):
    """The text of an HTML fragment, and of each ``data-span`` key's elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str | None] = []
        self.spans: dict[str, list[str]] = defaultdict(list)
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href") is not None:
            self.hrefs.append(str(found["href"]))
        key = found.get("data-span")
        self.open.append(key)

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for key in set(k for k in self.open if k):
            self.spans[key].append(data)


def read(html: str) -> SpanText:
    parser = SpanText()
    parser.feed(html)
    parser.close()
    return parser
