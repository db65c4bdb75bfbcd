"""An article's meeting kinds on its own row, and in the index of words by week (docs/PERFORMANCE.md,
section 14).

A search with a meeting kind chosen found its candidates by their words and the other filters, then
tested each for a meeting of the kind: "phó bí thư thường trực" at the town level, "đại hội" (held
every five years), read every town article holding the words. The kinds are now a column of the article
(`kinds`), and each week of the index holds them as lexemes ('6523_~kind:đại hội'), so a chosen kind is
one more term of each week's query, like the level.

The write path sets `kinds` with the article, from the meetings it stores with it. Afterwards the
meetings are the truth: articles_articlekinds (kept by the triggers of migration 0008) hands its kinds
to the article when they differ as sets, and an UPDATE of an article writing other kinds (a form read
before its meetings changed) gets those of articles_articlekinds instead.

Filling the column updates every article: the GIN indexes are dropped first, and built again by
migration 0021, once this one has committed (built in the same transaction, they would also hold every
row's version before the update: twice the size). The article triggers (facet counts, facet rows:
neither reads the kinds of the row) are off meanwhile.
"""

from importlib import import_module

import django.contrib.postgres.fields
from django.db import migrations, models

KINDS_TRIGGERS = """
CREATE FUNCTION articles_article_kinds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_article a SET kinds = n.kinds
    FROM new_rows n
    WHERE a.id = n.article_id AND NOT (a.kinds @> n.kinds AND a.kinds <@ n.kinds);
    RETURN NULL;
END
$$;
CREATE TRIGGER article_kinds_insert AFTER INSERT ON articles_articlekinds
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_article_kinds();
CREATE TRIGGER article_kinds_update AFTER UPDATE ON articles_articlekinds
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_article_kinds();

CREATE FUNCTION articles_article_kinds_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.kinds := coalesce(
        (SELECT k.kinds FROM articles_articlekinds k WHERE k.article_id = NEW.id), '{}'
    );
    RETURN NEW;
END
$$;
CREATE TRIGGER article_kinds_kept BEFORE UPDATE ON articles_article
    FOR EACH ROW WHEN (NEW.kinds IS DISTINCT FROM OLD.kinds)
    EXECUTE FUNCTION articles_article_kinds_kept();
"""

DROP_KINDS_TRIGGERS = """
DROP TRIGGER article_kinds_kept ON articles_article;
DROP FUNCTION articles_article_kinds_kept();
DROP TRIGGER article_kinds_insert ON articles_articlekinds;
DROP TRIGGER article_kinds_update ON articles_articlekinds;
DROP FUNCTION articles_article_kinds();
"""

BACKFILL = """
ALTER TABLE articles_article DISABLE TRIGGER USER;
UPDATE articles_article a SET kinds = k.kinds
FROM articles_articlekinds k
WHERE k.article_id = a.id AND k.kinds <> '{}';
ALTER TABLE articles_article ENABLE TRIGGER USER;
"""

WEEKLY_TERMS = import_module("articles.migrations.0019_weekly_filter_terms").WEEKLY_TERMS


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_weekly_filter_terms"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_weekly_terms_gin"),
        migrations.RemoveIndex(model_name="article", name="article_search_gin"),
        migrations.RemoveIndex(model_name="article", name="article_pairs_gin"),
        migrations.RunSQL(
            sql="DROP FUNCTION public.article_weekly_words(tsvector, date, text, bigint, text, bigint);",
            reverse_sql=WEEKLY_TERMS,
        ),
        migrations.AddField(
            model_name="article",
            name="kinds",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=10), default=list, editable=False, size=None
            ),
        ),
        migrations.RunSQL(sql=BACKFILL, reverse_sql=migrations.RunSQL.noop),
        migrations.RunSQL(sql=KINDS_TRIGGERS, reverse_sql=DROP_KINDS_TRIGGERS),
    ]
