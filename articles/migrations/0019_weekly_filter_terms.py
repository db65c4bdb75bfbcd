"""The filters a row holds in the index of words by week (docs/PERFORMANCE.md, "One million articles,
second run").

A search with filters found its candidates by their words alone and tested each one's row: with
selective filters and common words a window read 633,511 articles for 2,600 matches. Now each week
also holds its articles' level, province, period kind and source as lexemes ('6523_~level:town'), and
a chosen filter is one more term of each week's query (articles.tsquery.filter_term).
"""

from importlib import import_module

import django.contrib.postgres.indexes
from django.db import migrations

import articles.models


WEEKLY_TERMS = """
CREATE FUNCTION public.article_weekly_words(
    v tsvector, day date, level text, province bigint, period_kind text, source bigint
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
            ], NULL)
        ) AS word
    ));
"""


WEEKLY_WORDS = import_module("articles.migrations.0013_search_by_weekly_words").WEEKLY_WORDS


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_facet_rows_by_month"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_weekly_words_gin"),
        migrations.RunSQL(
            sql=WEEKLY_TERMS,
            reverse_sql="DROP FUNCTION public.article_weekly_words(tsvector, date, text, bigint, text, bigint);",
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                articles.models.WeeklyWords("search", "date", "level", "province", "period_kind", "source"),
                name="article_weekly_terms_gin",
            ),
        ),
        migrations.RunSQL(
            sql="DROP FUNCTION public.article_weekly_words(tsvector, date);",
            reverse_sql=WEEKLY_WORDS,
        ),
    ]
