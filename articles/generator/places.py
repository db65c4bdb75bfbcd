"""Provinces, district-level units and communes from the gazetteer, shaped for writing articles:
the committee word of each unit ("Tỉnh ủy", "Thành ủy", "Quận ủy"…), its level, and the sites
that publish its news."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from functools import cache

from articles.extraction import gazetteer

# Centrally-run cities: their committee is a Thành ủy, and it is the province level.
CENTRAL_CITIES = {"01", "31", "48", "79", "92"}


@dataclass
class District:
    code: str
    name: str
    type: str  # huyện, quận, thị xã, thành phố
    province_code: str
    staffed_communes: list[tuple[str, str, str]] = field(default_factory=list)  # (code, name, type)

    @property
    def level(self) -> str:
        return {"thành phố": "city", "thị xã": "town"}.get(self.type, "district")

    @property
    def committee(self) -> str:
        return {"thành phố": "Thành ủy", "thị xã": "Thị ủy", "quận": "Quận ủy"}.get(self.type, "Huyện ủy")


@dataclass
class Province:
    code: str
    name: str
    era: str
    districts: list[District] = field(default_factory=list)
    predecessors: tuple[str, ...] = ()
    sources: list[tuple[str, str]] = field(default_factory=list)  # (name, domain)

    @property
    def central(self) -> bool:
        return self.code.split("-")[0] in CENTRAL_CITIES

    @property
    def committee(self) -> str:
        return "Thành ủy" if self.central else "Tỉnh ủy"

    @property
    def unit_word(self) -> str:
        """ "tỉnh" or "thành phố", as in "UBND tỉnh", "Đảng bộ thành phố"."""
        return "thành phố" if self.central else "tỉnh"

    @property
    def full_name(self) -> str:
        if self.name == "Hồ Chí Minh":
            return "Thành phố Hồ Chí Minh"
        return f"{self.unit_word} {self.name}"


def _domain_key(name: str) -> str:
    return gazetteer.fold(name).replace(" ", "").replace("-", "")


def _sources(name: str) -> list[tuple[str, str]]:
    """A paper, the province's portal and the Party committee's portal, with made-up but plausible
    domains that carry the province's name (which is how the extractor recognises them)."""
    key = _domain_key(name)
    if name == "Hồ Chí Minh":
        return [
            ("Báo Sài Gòn Giải Phóng", "sggp.org.vn"),
            ("Cổng thông tin Thành phố Hồ Chí Minh", "hcmcpv.org.vn"),
        ]
    if name == "Thừa Thiên Huế":
        return [("Báo Thừa Thiên Huế", "baothuathienhue.vn"), ("Cổng thông tin điện tử Huế", "hue.gov.vn")]
    return [
        (f"Báo {name}", f"bao{key}.vn"),
        (f"Cổng thông tin điện tử {name}", f"{key}.gov.vn"),
        (f"Trang thông tin Đảng bộ {name}", f"tinhuy{key}.org.vn"),
    ]


class Places:
    """The 63 provinces (until 30 June 2025) with their districts, and the 34 from 1 July 2025, each
    with a few communes that have a Party committee in our articles."""

    def __init__(self):
        rng = random.Random("places")
        data = json.loads(gazetteer.DATA_FILE.read_text(encoding="utf-8"))
        communes_2023: dict[str, list] = {}
        communes_2025: dict[str, list] = {}
        for code, name, kind, parent, era in data["communes"]:
            if kind == "đặc khu":
                continue
            target = communes_2023 if era == "2023" else communes_2025
            target.setdefault(parent, []).append((code, name, kind))
        self.provinces_2023: list[Province] = []
        self.provinces_2025: list[Province] = []
        self._districts: dict[str, list[str]] = {}
        by_code: dict[str, Province] = {}
        for unit in gazetteer.provinces("2023"):
            province = Province(unit.code, unit.name, "2023", sources=_sources(unit.name))
            self.provinces_2023.append(province)
            by_code[unit.code] = province
        for unit in gazetteer.units():
            if unit.level == "district" and unit.parent in by_code:
                district = District(unit.code, unit.name, unit.type, unit.parent)
                own = communes_2023.get(unit.code, [])
                district.staffed_communes = rng.sample(own, min(2, len(own)))
                by_code[unit.parent].districts.append(district)
        for province in self.provinces_2023:
            self._districts[province.code] = [d.code for d in province.districts]
        self._staffed_2025: dict[str, list] = {}
        for unit in gazetteer.provinces("2025"):
            predecessors = tuple(
                p.code for p in self.provinces_2023 if gazetteer.unit(p.code).successor == unit.code
            )
            same_name = next((p for p in self.provinces_2023 if p.name == unit.name), None)
            sources = same_name.sources if same_name else _sources(unit.name)
            province = Province(unit.code, unit.name, "2025", predecessors=predecessors, sources=sources)
            self.provinces_2025.append(province)
            own = communes_2025.get(unit.code, [])
            self._staffed_2025[unit.code] = rng.sample(own, min(16, len(own)))
        self.province_by_code = {p.code: p for p in self.provinces_2023 + self.provinces_2025}

    def district_codes(self, province_code: str) -> list[str]:
        return self._districts.get(province_code, [])

    def staffed_communes_2025(self, province_code: str) -> list[tuple[str, str, str]]:
        return self._staffed_2025.get(province_code, [])


@cache
def places() -> Places:
    return Places()
