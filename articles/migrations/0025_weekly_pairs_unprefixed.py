"""The pairs of adjacent words in the index of words by week without the week (docs/PERFORMANCE.md,
section 14, point 12).

Prefixed with their week (0022), nearly every pair of an article ingested was a new key of the index
(~250 an article): bulk ingestion fell from 316 to 213 articles a second, its PostgreSQL time per
article from 1.8 to 2.7 ms, in the same hour. Unprefixed ('~pair:con_dao') they are the keys of 0016's
index of pairs again, each article's added to posting lists that exist. A week's words still find the
week's articles; the pairs, looked up in the same scan, narrow them to the phrase's.
"""

from importlib import import_module

from django.db import migrations


WEEKLY_PAIRS = """
CREATE OR REPLACE FUNCTION public.article_weekly_words(
    v tsvector, day date, level text, province bigint, period_kind text, source bigint, kinds text[]
) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- Weeks since Monday 1 January 1900 (articles.tsquery.week_of), 'u' for the undated; pairs of
    -- words without the week ('~pair:', articles.tsquery.PAIR). Costly for a row (its pairs of words,
    -- article_word_pairs): the planner must look it up in its index, never compute it per row.
    COST 1000000
    RETURN array_to_tsvector(ARRAY(
        SELECT coalesce(((day - DATE '1900-01-01') / 7)::text, 'u') || '_' || word
        FROM unnest(
            tsvector_to_array(v) || array_remove(ARRAY[
                '~level:' || level, '~province:' || province,
                '~period_kind:' || period_kind, '~source:' || source
            ], NULL) || ARRAY(SELECT '~kind:' || kind FROM unnest(kinds) AS kind)
        ) AS word
    ) || ARRAY(SELECT '~pair:' || pair FROM unnest(tsvector_to_array(article_word_pairs(v))) AS pair));
"""

# 0022's, with 0023's cost.
WEEKLY_WEEK_PAIRS = import_module("articles.migrations.0022_weekly_word_pairs").WEEKLY_PAIRS.replace(
    "COST 10000\n", "COST 1000000\n"
)

WEEKLY_INDEX = import_module("articles.migrations.0022_weekly_word_pairs").WEEKLY_INDEX


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0024_drop_search_gin"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_weekly_terms_gin"),
        migrations.RunSQL(sql=WEEKLY_PAIRS, reverse_sql=WEEKLY_WEEK_PAIRS),
        migrations.AddIndex(model_name="article", index=WEEKLY_INDEX),
        migrations.RunSQL(sql="ANALYZE articles_article;", reverse_sql=migrations.RunSQL.noop),
    ]
