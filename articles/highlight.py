"""Safe HTML for article text with marked passages.

Pure functions (no database): the article page marks each person and figure at its evidence span,
the admin can do the same, and search snippets from ts_headline get their matches marked. The text is
never trusted as HTML: it is escaped and only our own <mark> elements are added.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Private-use characters around the matches in a ts_headline snippet: they cannot be confused with
# anything an article says, unlike "<mark>", which an article may contain as text.
HEADLINE_MARKS = ("\ue000", "\ue001")


@dataclass(frozen=True)
class Span:
    """A passage of the text to mark: [start, end) in characters, as stored on Appearance/Indicator."""

    start: int
    end: int
    css_class: str = ""
    title: str = ""
    anchor: str = ""


def highlight(text: str, spans) -> SafeString:
    """`text` escaped, with each span wrapped in <mark>.

    Stored spans are not trusted either: they are clipped to the text, empty ones are skipped, and a
    span overlapping one already placed is left unmarked, so the HTML is always well nested.
    """
    length = len(text)
    placed = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(0, min(span.start, length)), max(0, min(span.end, length))
        if start >= end or (placed and start < placed[-1][1]):
            continue
        placed.append((start, end, span))
    parts, cursor = [], 0
    for start, end, span in placed:
        parts.append(escape(text[cursor:start]))
        parts.append(format_html("<mark{}>{}</mark>", _attributes(span), text[start:end]))
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


def headline_html(snippet: str) -> SafeString:
    """A ts_headline snippet made with HEADLINE_MARKS, escaped, its matches in <mark>."""
    start, stop = HEADLINE_MARKS
    html = str(escape(snippet or "")).replace(start, "<mark>").replace(stop, "</mark>")
    return mark_safe(html)


def _attributes(span):
    pairs = [("class", span.css_class), ("title", span.title), ("id", span.anchor)]
    return mark_safe("".join(format_html(' {}="{}"', name, value) for name, value in pairs if value))
