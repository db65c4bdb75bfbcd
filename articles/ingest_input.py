"""What ingestion accepts: decoding bytes, refusing what is not an article's text, HTML turned into text.

Every refusal is an IngestError whose message names the problem; nothing here touches the database.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import unicodedata
from html.parser import HTMLParser

from django.conf import settings

from .extraction import extract
from .extraction.types import Extraction

logger = logging.getLogger(__name__)


class IngestError(ValueError):
    """Refused input; str(e) names the problem."""


# File signatures of the formats people upload by mistake.
_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel document",
    b"\x1f\x8b": "a gzip archive",
}
# Control characters no text file carries (tab, line ends and form feed are text).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A valid multi-byte UTF-8 sequence: common in UTF-8 Vietnamese, rare by chance in Windows-1258.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# The article's identity must not change when the extractor's normaliser does: stored hashes would no
# longer match. So the hash has its own fixed canonical form: NFC, modern tone marks, no invisible
# characters, words separated by single spaces.
_OLD_TONES = re.compile(r"(?<![qQ])([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")
_MODERN_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# (A regular expression: str.translate with a table is twenty times slower on Vietnamese text.)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_VISIBLE = re.compile("[^\\s\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|h[1-6]|article|section|table|tr|td|ul|ol|li|span|strong"
    r"|em|a|img|meta)\b[^<>]*>",
    re.IGNORECASE,
)


def read_input(raw: str | bytes) -> tuple[str, str, list[str]]:
    """Return (the text to store as raw_text, the text the extractor reads, warnings) or raise IngestError."""
    limit = settings.INGEST_MAX_BYTES
    size = len(raw) if isinstance(raw, bytes) else _utf8_size(raw)
    if size > limit:
        raise IngestError(
            f"the text is too large: {size:,} bytes, the limit is {limit:,} bytes "
            f"({limit / 1024 / 1024:g} MB, setting INGEST_MAX_BYTES)"
        )
    text = _decode(raw) if isinstance(raw, bytes) else raw
    if _mostly_control(text[:8192]):
        raise IngestError("not a text file: it is full of control characters (binary data?)")
    warnings = []
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warnings.append(
            f"removed {count} NUL character{'s' if count > 1 else ''} (PostgreSQL cannot store them)"
        )
    if not _VISIBLE.search(text):
        raise IngestError("empty text")
    readable = text_of(text)
    if readable is not text:
        warnings.append("HTML: the text was taken out of the markup")
        if not readable.strip():
            raise IngestError("empty text: the HTML has no text in it")
    return text, readable, warnings


def content_hash(text: str) -> str:
    """The article's identity: the same words with other spaces or tone-mark style hash alike."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = _OLD_TONES.sub(_modern_tone, " ".join(text.split()))
    return hashlib.sha256(text.encode()).hexdigest()


def _modern_tone(match: re.Match) -> str:
    old = match.group(1)
    new = _MODERN_TONE[old.lower()]
    if old.isupper():
        return new.upper()
    return new[0].upper() + new[1] if old[0].isupper() else new


def text_of(raw_text: str) -> str:
    """The text the extractor reads: the raw text itself, or the text of an HTML page."""
    return html_to_text(raw_text) if looks_like_html(raw_text) else raw_text


def looks_like_html(text: str) -> bool:
    return _HTML.search(text, 0, 20000) is not None


def html_to_text(html: str) -> str:
    """The page's text: scripts and styles dropped, one line per block element, entities unescaped."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextParser(HTMLParser):
    _HIDDEN = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
    _BLOCKS = {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            # Line breaks inside HTML text are spaces; only block elements break lines.
            self.parts.append(data.replace("\n", " ").replace("\r", " "))


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1258."""
    for kind, signature in _SIGNATURES.items():
        if data.startswith(kind):
            raise IngestError(f"not a text file: it is {signature}")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise IngestError(
                    f"cannot decode the text: it starts with a {codec.upper()} byte-order mark but "
                    f"byte {error.start} is not {codec.upper()} ({error.reason})"
                ) from None
    if _mostly_control_bytes(data[:8192]):
        raise IngestError("not a text file: it is full of control bytes (binary data?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8 = error
    broken = data.decode("utf-8", errors="replace").count("\ufffd")
    if len(_UTF8_SEQUENCE.findall(data)) > broken:
        # Mostly valid UTF-8 with a few broken bytes: reading it as Windows-1258 would garble it all.
        raise IngestError(
            f"cannot decode the text: it is UTF-8 but byte {utf8.start} (0x{data[utf8.start]:02x}) "
            f"is not valid UTF-8 ({utf8.reason})"
        )
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"cannot decode the text: it is neither UTF-8 (byte {utf8.start} is 0x{data[utf8.start]:02x}) "
            f"nor Windows-1258 (byte {error.start} is 0x{data[error.start]:02x}); save it as UTF-8"
        ) from None


def _utf8_size(text: str) -> int:
    try:
        return len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        raise IngestError(
            f"cannot decode the text: character {error.start} is a lone UTF-16 surrogate, not a character"
        ) from None


def _mostly_control_bytes(sample: bytes) -> bool:
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls >= 8 and controls * 20 > len(sample)


def _mostly_control(sample: str) -> bool:
    controls = len(_CONTROL.findall(sample))
    return controls >= 8 and controls * 20 > len(sample)


def fit(text: str, length: int) -> str:
    """`text` cut to a column's max_length, marked as cut."""
    return text if len(text) <= length else text[: length - 1] + "…"


def extract_safely(text: str, hints: dict) -> tuple[Extraction | None, str]:
    """(the extraction, "") or (None, why it failed). Importable without Django: bulk workers run it."""
    try:
        return extract(text, hints), ""
    except Exception as error:
        # The extractor promises never to raise; if it does, the raw text is still stored, as failed.
        logger.exception("the extractor raised")
        return None, f"the extractor failed: {type(error).__name__}: {error}"


def extract_each(texts: list[tuple[str, dict]]) -> list[tuple[Extraction | None, str]]:
    """extract_safely for each (text, hints): a worker process's task, run without Django as well."""
    return [extract_safely(text, hints) for text, hints in texts]
