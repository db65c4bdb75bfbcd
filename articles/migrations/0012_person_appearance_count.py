"""Each person's number of appearances, kept by the database.

The officials search ranks its candidates by how often each is named, and the officials page without a
query lists everyone by it: counted from the appearances, that read every appearance of every candidate
(of everyone, for the page), a cost growing with the archive. A statement-level trigger with transition
tables keeps Person.appearance_count exact through inserts (a batch of articles is one update),
deletions, merges and splits (a changed person_id), and TRUNCATE. Persons are locked in id order
before they are updated, so two ingests naming the same officials wait for each other instead of
deadlocking.
"""

from django.db import migrations, models

# The change of each person's count, from the rows a statement inserted, deleted or moved.
CHANGES = {
    "INSERT": "SELECT person_id, count(*) AS delta FROM new_rows WHERE person_id IS NOT NULL GROUP BY 1",
    "DELETE": "SELECT person_id, -count(*) AS delta FROM old_rows WHERE person_id IS NOT NULL GROUP BY 1",
    "UPDATE": """
        SELECT person_id, sum(delta) AS delta FROM (
            SELECT person_id, 1 AS delta FROM new_rows UNION ALL SELECT person_id, -1 FROM old_rows
        ) AS moved
        WHERE person_id IS NOT NULL GROUP BY 1 HAVING sum(delta) <> 0
    """,
}

APPLY = """
        PERFORM 1 FROM articles_person WHERE id IN (SELECT person_id FROM ({change}) AS change)
            ORDER BY id FOR NO KEY UPDATE;
        UPDATE articles_person AS person SET appearance_count = person.appearance_count + change.delta
            FROM ({change}) AS change WHERE person.id = change.person_id;
"""

COUNT_FUNCTION = f"""
CREATE FUNCTION articles_person_appearances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE articles_person SET appearance_count = 0 WHERE appearance_count <> 0;
    ELSIF TG_OP = 'INSERT' THEN {APPLY.format(change=CHANGES["INSERT"])}
    ELSIF TG_OP = 'DELETE' THEN {APPLY.format(change=CHANGES["DELETE"])}
    ELSE {APPLY.format(change=CHANGES["UPDATE"])}
    END IF;
    RETURN NULL;
END
$$;
"""

TRIGGERS = """
CREATE TRIGGER appearance_person_count_insert AFTER INSERT ON articles_appearance
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_person_appearances();
CREATE TRIGGER appearance_person_count_update AFTER UPDATE ON articles_appearance
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_person_appearances();
CREATE TRIGGER appearance_person_count_delete AFTER DELETE ON articles_appearance
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_person_appearances();
CREATE TRIGGER appearance_person_count_truncate AFTER TRUNCATE ON articles_appearance
    FOR EACH STATEMENT EXECUTE FUNCTION articles_person_appearances();
"""

BACKFILL = """
UPDATE articles_person AS person SET appearance_count = counted.appearances
    FROM (
        SELECT person_id, count(*) AS appearances FROM articles_appearance
        WHERE person_id IS NOT NULL GROUP BY person_id
    ) AS counted
    WHERE person.id = counted.person_id;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_facet_triggers_generic_plans"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="appearance_count",
            field=models.PositiveIntegerField(
                default=0, db_default=0, editable=False, verbose_name="số lần được nêu tên"
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                models.OrderBy(models.F("appearance_count"), descending=True),
                models.F("name"),
                name="person_named_most_idx",
            ),
        ),
        migrations.RunSQL(
            sql=[COUNT_FUNCTION, TRIGGERS, BACKFILL],
            reverse_sql=[
                "DROP TRIGGER appearance_person_count_insert ON articles_appearance;"
                "DROP TRIGGER appearance_person_count_update ON articles_appearance;"
                "DROP TRIGGER appearance_person_count_delete ON articles_appearance;"
                "DROP TRIGGER appearance_person_count_truncate ON articles_appearance;"
                "DROP FUNCTION articles_person_appearances();"
            ],
        ),
    ]
