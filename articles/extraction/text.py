"""Bytes to text for article files: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""

from __future__ import annotations

import codecs
import unicodedata


def decode_bytes(data: bytes) -> str:
    """Decode an article file. Raises ValueError("not a text file") for binary data and
    ValueError("cannot decode as UTF-8, UTF-16 or Windows-1258") when no encoding fits."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError("cannot decode as UTF-8, UTF-16 or Windows-1258") from exc
    if b"\x00" in data:
        raise ValueError("not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise ValueError("cannot decode as UTF-8, UTF-16 or Windows-1258") from exc
    if any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text):
        raise ValueError("not a text file")
    return unicodedata.normalize("NFC", text)  # Windows-1258 writes tone marks as combining characters
