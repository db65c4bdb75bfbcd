"""Vietnamese-style numbers: "." groups thousands, "," is the decimal mark ("1.097,8" is 1097.8, "02" is 2)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# A whole number token ("3.5%": a dot before one or two digits and "%" is a decimal point), not glued to a
# word, a date, a code or a time on its left ("Covid-19", "ĐH.11", "12/2023", "18:19"), and not the head of a
# longer dotted or comma'd token on its right ("12.4" is a date, "0294.3874070" a phone number): those give
# no match at all. Two comma groups or more ("1,448,808") can only be English-style thousands; one ("1,448")
# stays a Vietnamese decimal.
NUMBER = re.compile(
    r"(?<![\w.,/:\-=])(\d{1,3}\.\d{1,2}(?= ?%)|\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![\d]|[.,]\d)"
)


_WHOLE = re.compile(r"\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def value_of(token: str) -> Decimal:
    """The value of a token NUMBER matched."""
    if "." in token and len(token) - token.index(".") <= 3:
        return Decimal(token)  # "3.5" before "%"
    if token.count(",") > 1:
        return Decimal(token.replace(",", ""))  # "1,448,808"
    return Decimal(token.replace(".", "").replace(",", "."))


def parse_number(text: str) -> Decimal | None:
    """The value of a Vietnamese-style number ("2.900" → 2900, "94,36" → 94.36), or None."""
    if not isinstance(text, str) or not _WHOLE.fullmatch(text):
        return None
    try:
        return value_of(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None
