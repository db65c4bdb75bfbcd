"""Stage 1: one spelling for the same text.

HTML entities decoded, Unicode NFC, one tone-mark style ("uỷ" -> "ủy", "hoà" -> "hòa"), plain spaces, one newline style,
and the space a careless editor left out after a full stop ("tỉnh.Các" -> "tỉnh. Các").
"""

from __future__ import annotations

import html
import re
import unicodedata

# Old-style tone placement and its modern form; the tone moves only on a word-final "oa", "oe", "uy"
# ("hoàng", "quỳnh" and "khuỷu" are written alike in both styles).
_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE = re.compile(
    r"(?=[oOuU])(?<![qQ])([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)",
)

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_AFTER = re.compile(r"#?\w+;")
# Zero-width and other invisible characters that survive copy-and-paste from web pages.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of horizontal space becomes a plain space.
_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"(?: [ {_SPACE_CHARS}]|[{_SPACE_CHARS}])[ {_SPACE_CHARS}]*")  # single plain spaces stay
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# "tỉnh.Các", "(mở rộng).Tiếp": a lower-case letter or closing bracket, a full stop, then a capital.
# Capitals before the stop ("TP.HCM") and digits ("1.500", "7.10") are left alone.
_GLUED_STOP = re.compile(r"\.(?=[^\W\d_])")


def _modern_tone(match: re.Match) -> str:
    old = match.group(1)
    new = _OLD_TO_NEW[old.lower()]
    if old.isupper():
        return new.upper()
    if old[0].isupper():
        return new[0].upper() + new[1]
    return new


def _unescape(match: re.Match) -> str:
    decoded = html.unescape(match.group(0))
    # "&amp;nbsp;" stays as it is: decoding it would make a new entity, and normalising twice must not
    # change the text again.
    if decoded == "&" and _ENTITY_AFTER.match(match.string, match.end()):
        return match.group(0)
    return decoded


def _space_after_stop(match: re.Match) -> str:
    before = match.string[match.start() - 1] if match.start() else ""
    after = match.string[match.end()]
    glued = (before.isalpha() or before in ')]”"') and not before.isupper() and after.isupper()
    return ". " if glued else "."


def normalise(text: str) -> str:
    """Return `text` in NFC with one tone style, plain spaces and "\\n" line ends; lines are stripped."""
    if "&" in text:  # "&nbsp;", "&amp;", "&#273;" left by a copy from the page source
        text = _ENTITY.sub(_unescape, text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _OLD_TONE.sub(_modern_tone, text)
    text = _GLUED_STOP.sub(_space_after_stop, text)
    return "\n".join(line.strip() for line in text.split("\n"))
