"""The index of words by week with the meeting kinds of each article (migration 0020), and the other two
GIN indexes of the articles' words, built again after 0020 filled the kinds (docs/PERFORMANCE.md,
section 14)."""

from importlib import import_module

import django.contrib.postgres.indexes
from django.db import migrations

import articles.models

WEEKLY_KINDS = """
CREATE FUNCTION public.article_weekly_words(
    v tsvector, day date, level text, province bigint, period_kind text, source bigint, kinds text[]
) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- Weeks since Monday 1 January 1900 (articles.tsquery.week_of), 'u' for the undated. Costly for a
    -- row: the planner must look it up in its index, never compute it per row.
    COST 10000
    RETURN array_to_tsvector(ARRAY(
        SELECT coalesce(((day - DATE '1900-01-01') / 7)::text, 'u') || '_' || word
        FROM unnest(
            tsvector_to_array(v) || array_remove(ARRAY[
                '~level:' || level, '~province:' || province,
                '~period_kind:' || period_kind, '~source:' || source
            ], NULL) || ARRAY(SELECT '~kind:' || kind FROM unnest(kinds) AS kind)
        ) AS word
    ));
"""

WordPairs = import_module("articles.migrations.0010_search_by_date_and_word_pairs").WordPairs

SEARCH_GIN = django.contrib.postgres.indexes.GinIndex(fields=["search"], name="article_search_gin")
PAIRS_GIN = django.contrib.postgres.indexes.GinIndex(WordPairs("search"), name="article_pairs_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0020_weekly_meeting_kinds"),
    ]

    operations = [
        migrations.RunSQL(
            sql=WEEKLY_KINDS,
            reverse_sql="DROP FUNCTION public.article_weekly_words(tsvector, date, text, bigint, text, bigint, text[]);",
        ),
        migrations.AddIndex(model_name="article", index=SEARCH_GIN),
        migrations.AddIndex(model_name="article", index=PAIRS_GIN),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                articles.models.WeeklyWords(
                    "search", "date", "level", "province", "period_kind", "source", "kinds"
                ),
                name="article_weekly_terms_gin",
            ),
        ),
        migrations.RunSQL(sql="ANALYZE articles_article;", reverse_sql=migrations.RunSQL.noop),
    ]
