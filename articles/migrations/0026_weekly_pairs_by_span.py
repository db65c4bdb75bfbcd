"""Pairs of adjacent words in the index of words by week under spans of 13 weeks (docs/PERFORMANCE.md,
section 14, point 13).

0022 indexed them by week: nearly every pair an article brought was a new key, and bulk ingestion fell
by a quarter. 0025 indexed them without a date: ingestion was as fast as before, but a week's lookup
of a phrase then walked each pair's posting list over the whole archive, whose articles are not in
date order (a generated archive, or one filled with older reports), and a filtered phrase took 900 ms.
Under a span of 13 weeks (articles.tsquery.PAIR_WEEKS) a pair's list holds a quarter's articles, and
most pairs of an article ingested are already keys of its span.
"""

from importlib import import_module

from django.db import migrations

WEEKLY_SPAN_PAIRS = """
CREATE OR REPLACE FUNCTION public.article_weekly_words(
    v tsvector, day date, level text, province bigint, period_kind text, source bigint, kinds text[]
) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- Weeks since Monday 1 January 1900 (articles.tsquery.week_of), 'u' for the undated; pairs of
    -- words under spans of 13 weeks (articles.tsquery.pair_span). Costly for a row (its pairs of
    -- words, article_word_pairs): the planner must look it up in its index, never compute it per row.
    COST 1000000
    RETURN array_to_tsvector(ARRAY(
        SELECT coalesce(((day - DATE '1900-01-01') / 7)::text, 'u') || '_' || word
        FROM unnest(
            tsvector_to_array(v) || array_remove(ARRAY[
                '~level:' || level, '~province:' || province,
                '~period_kind:' || period_kind, '~source:' || source
            ], NULL) || ARRAY(SELECT '~kind:' || kind FROM unnest(kinds) AS kind)
        ) AS word
    ) || ARRAY(
        SELECT coalesce(((day - DATE '1900-01-01') / 7 / 13)::text, 'u') || '~' || pair
        FROM unnest(tsvector_to_array(article_word_pairs(v))) AS pair
    ));
"""

WEEKLY_PAIRS = import_module("articles.migrations.0025_weekly_pairs_unprefixed").WEEKLY_PAIRS
WEEKLY_INDEX = import_module("articles.migrations.0022_weekly_word_pairs").WEEKLY_INDEX


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_weekly_pairs_unprefixed"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_weekly_terms_gin"),
        migrations.RunSQL(sql=WEEKLY_SPAN_PAIRS, reverse_sql=WEEKLY_PAIRS),
        migrations.AddIndex(model_name="article", index=WEEKLY_INDEX),
        migrations.RunSQL(sql="ANALYZE articles_article;", reverse_sql=migrations.RunSQL.noop),
    ]
