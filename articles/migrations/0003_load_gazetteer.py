"""Load the gazetteer (63 provinces until 30 June 2025, their district-level units, the 34
provinces from 1 July 2025 and the old→new mapping) from the committed data file that
scripts/build_gazetteer.py produces; the extractor reads the same file."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "extraction" / "data" / "gazetteer.json"


def load_units(apps, schema_editor):
    Unit = apps.get_model("articles", "AdministrativeUnit")
    rows = json.loads(DATA.read_text(encoding="utf-8"))["units"]
    units = {}
    # Provinces before districts, so every parent exists; successors once all provinces do.
    for level in ("province", "district"):
        created = Unit.objects.bulk_create(
            Unit(
                code=row["code"],
                name=row["name"],
                type=row["type"],
                level=level,
                slug=row["slug"],
                parent=units.get(row["parent"]),
                valid_from=row["valid_from"],
                valid_to=row["valid_to"],
                aliases=row.get("aliases") or [],
            )
            for row in rows
            if row["level"] == level
        )
        units.update((unit.code, unit) for unit in created)
    for row in rows:
        if row.get("successor"):
            units[row["code"]].successor = units[row["successor"]]
    Unit.objects.bulk_update([u for u in units.values() if u.successor_id], ["successor"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_initial")]

    operations = [migrations.RunPython(load_units, migrations.RunPython.noop)]
