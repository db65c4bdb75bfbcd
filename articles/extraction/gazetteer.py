"""The administrative units of Vietnam (63 provinces until 30 June 2025, 34 from 1 July 2025), read from
`data/gazetteer.json` (built by `scripts/build_gazetteer.py`). Pure Python: no Django import.

All lookups are accent-insensitive through `fold()` and served from dict indexes built once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.json"

_DASHES = re.compile(r"[-‐‑‒–—―]")
_SPACES = re.compile(r"\s+")

# Unit words written in front of a name ("huyện Trà Cú", "TX Ninh Hòa", "TP. Sa Đéc"), already folded and
# with dots turned into spaces; longest first so "thanh pho" wins over "t".
_PROVINCE_WORDS = ("thanh pho", "tinh", "tp")
_DISTRICT_WORDS = ("thanh pho", "thi xa", "huyen", "quan", "tp", "tx", "h", "q")
_COMMUNE_WORDS = ("thi tran", "dac khu", "phuong", "xa", "tt", "p", "x")

# Well-known short forms (folded) that are not in the package data.
_PROVINCE_ABBREVIATIONS = {
    "hcm": "79",
    "hcmc": "79",
    "tphcm": "79",
    "tp hcm": "79",
    "hn": "01",
}
# Host labels of well-known sites whose name does not contain the province's name.
_DOMAIN_ABBREVIATIONS = {
    "hcm": "79",
    "hcmc": "79",
    "tphcm": "79",
    "hcmcpv": "79",
    "hochiminhcity": "79",
    "sggp": "79",
    "hanoimoi": "01",
    "hue": "46",
    "baohue": "46",
}
# Labels that say nothing about the place.
_GENERIC_LABELS = {"www", "vn", "gov", "com", "org", "net", "edu", "info", "int"}


@dataclass(frozen=True)
class Unit:
    """A province or district-level unit; `province` is the unit itself for a province."""

    code: str
    name: str
    type: str
    level: str
    parent: str | None
    slug: str
    valid_from: str | None
    valid_to: str | None
    successor: str | None
    aliases: tuple[str, ...]
    province: str

    def __str__(self) -> str:
        return f"{self.type} {self.name}"


def fold(text: str) -> str:
    """Lower case, no diacritics, đ→d, dashes → space, spaces collapsed: the key for every comparison."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", _DASHES.sub(" ", text)).strip()


def slugify(text: str) -> str:
    """Lower-case ASCII slug: "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _key(text: str) -> str:
    """fold() with dots and other punctuation turned into spaces ("TP.HCM" → "tp hcm")."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _strip_words(key: str, words: tuple[str, ...]) -> str:
    for word in words:
        if key.startswith(word + " ") and len(key) > len(word) + 1:
            return key[len(word) + 1 :]
    return key


@dataclass(frozen=True)
class _Index:
    units: tuple[Unit, ...]
    by_code: dict[str, Unit]
    provinces_2023: tuple[Unit, ...]
    provinces_2025: tuple[Unit, ...]
    province_names: dict[str, tuple[Unit, ...]]
    district_names: dict[str, tuple[Unit, ...]]
    commune_names: dict[str, tuple[tuple, ...]]
    domain_keys: tuple[tuple[str, Unit], ...]
    linked: dict[str, frozenset[str]]


@cache
def _index() -> _Index:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = tuple(
        Unit(**{**row, "aliases": tuple(row["aliases"]), "province": row["parent"] or row["code"]})
        for row in data["units"]
    )
    by_code = {u.code: u for u in units}
    provinces = [u for u in units if u.level == "province"]
    old = tuple(u for u in provinces if u.valid_from is None)
    new = tuple(u for u in provinces if u.valid_to is None)

    # The 63 first, so that a name shared by an old and a new province resolves to the old one by default.
    province_names: dict[str, list[Unit]] = defaultdict(list)
    for u in (*old, *new):
        for name in (u.name, *u.aliases):
            for key in {_key(name), _key(name).replace(" ", "")}:
                if u not in province_names[key]:
                    province_names[key].append(u)
    for key, code in _PROVINCE_ABBREVIATIONS.items():
        for u in (by_code[code], by_code[by_code[code].successor]):
            if u not in province_names[key]:
                province_names[key].append(u)

    district_names: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        if u.level == "district":
            for name in {u.name, *u.aliases}:
                district_names[_key(name)].append(u)

    commune_names: dict[str, list[tuple]] = defaultdict(list)
    for code, name, kind, parent, era in data["communes"]:
        province = by_code[parent].province
        commune_names[_key(name)].append((code, name, kind, parent, era, province))

    # Every province code linked to the ones it merged into or from (itself included).
    linked: dict[str, set[str]] = {u.code: {u.code} for u in provinces}
    for u in old:
        linked[u.code].add(u.successor)
        linked[u.successor].add(u.code)

    domain_keys = [(_key(name).replace(" ", ""), u) for u in old for name in (u.name, *u.aliases)]
    domain_keys += [(label, by_code[code]) for label, code in _DOMAIN_ABBREVIATIONS.items()]
    domain_keys.sort(key=lambda pair: -len(pair[0]))

    return _Index(
        units=units,
        by_code=by_code,
        provinces_2023=old,
        provinces_2025=new,
        province_names={k: tuple(v) for k, v in province_names.items()},
        district_names={k: tuple(v) for k, v in district_names.items()},
        commune_names={k: tuple(v) for k, v in commune_names.items()},
        domain_keys=tuple(domain_keys),
        linked={k: frozenset(v) for k, v in linked.items()},
    )


def units() -> list[Unit]:
    """All provinces (the 63 and the 34, unchanged ones once) and district-level units."""
    return list(_index().units)


def unit(code: str) -> Unit | None:
    return _index().by_code.get(code)


def provinces(era: str = "2023") -> list[Unit]:
    """The 63 provinces in force until 30 June 2025 ("2023") or the 34 from 1 July 2025 ("2025")."""
    if era not in ("2023", "2025"):
        raise ValueError(f"unknown era {era!r}: use '2023' or '2025'")
    index = _index()
    return list(index.provinces_2023 if era == "2023" else index.provinces_2025)


def _in_era(u: Unit, era: str | None) -> bool:
    return era is None or (u.valid_from is None if era == "2023" else u.valid_to is None)


def find_province(name: str, era: str | None = None) -> Unit | None:
    """The province called `name` ("Trà Vinh", "TP. Hồ Chí Minh", "TP.HCM", "Huế"); with era None the
    63 are preferred, then the 34."""
    names = _index().province_names
    key = _key(name)
    for candidate in (key, _strip_words(key, _PROVINCE_WORDS), key.replace(" ", "")):
        for u in names.get(candidate, ()):
            if _in_era(u, era):
                return u
    return None


def _province_filter(province_code: str | None) -> frozenset[str] | None:
    if province_code is None:
        return None
    return _index().linked.get(province_code, frozenset({province_code}))


def find_districts(name: str, province_code: str | None = None) -> list[Unit]:
    """District-level units called `name`, with or without the unit word ("huyện Trà Cú", "TX Ninh Hòa").
    A province code (old or 2025) keeps those of that province and the provinces merged with it."""
    names = _index().district_names
    key = _key(name)
    found = names.get(key) or names.get(_strip_words(key, _DISTRICT_WORDS), ())
    allowed = _province_filter(province_code)
    return [u for u in found if allowed is None or u.province in allowed]


def find_communes(name: str, province_code: str | None = None) -> list[tuple]:
    """Communes/wards called `name` as rows (code, name, type, parent, era, province_code), both eras.
    A province code (old or 2025) keeps those of that province and the provinces merged with it."""
    names = _index().commune_names
    key = _key(name)
    found = names.get(key) or names.get(_strip_words(key, _COMMUNE_WORDS), ())
    allowed = _province_filter(province_code)
    return [row for row in found if allowed is None or row[5] in allowed]


def province_from_domain(host_or_url: str) -> Unit | None:
    """The province a site belongs to, from its host name: "travinh.gov.vn", "baodongthap.vn",
    "huongson.hatinh.gov.vn". The longest province name found in a label wins; short ones must fill it."""
    text = host_or_url.strip().lower()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    except ValueError:  # not a URL at all ("[", a bad port): no province to read
        return None
    labels = [label for label in host.split(".") if label and label not in _GENERIC_LABELS]
    for key, u in _index().domain_keys:
        for label in labels:
            if label == key or (len(key) >= 5 and key in label):
                return u
    return None


def successor_2025(code: str) -> Unit | None:
    """The 2025 province that a province (or a district's province) of the 63 merged into; a 2025 province
    is its own successor."""
    index = _index()
    u = index.by_code.get(code)
    if u is None:
        return None
    province = index.by_code[u.province]
    if province.valid_to is None:
        return province
    return index.by_code.get(province.successor)
