"""Each week's pairs of adjacent words in the index of words by week, instead of an index of pairs over
the whole archive (docs/PERFORMANCE.md, section 14).

A quoted phrase was looked up by its words and tested on every article of the weeks read holding them:
"thu ngân sách" at the city level tested 35,006 articles in one window, and "6 tháng đầu năm" in
December's weeks (the yearly reports) thousands holding its words and not the phrase. Its pairs
('thu_ngan', 'ngan_sach') now narrow each week's lookup to the articles holding them, nearly its
matches. The index of pairs of 0016, which a rare phrase was read from at once, is no longer needed:
a week without the pairs costs a few lookups.
"""

from importlib import import_module

import django.contrib.postgres.indexes
from django.db import migrations

import articles.models

WEEKLY_PAIRS = """
CREATE OR REPLACE FUNCTION public.article_weekly_words(
    v tsvector, day date, level text, province bigint, period_kind text, source bigint, kinds text[]
) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- Weeks since Monday 1 January 1900 (articles.tsquery.week_of), 'u' for the undated. Costly for a
    -- row (its pairs of words, article_word_pairs, are about 1 ms): the planner must look it up in its
    -- index, never compute it per row.
    COST 10000
    RETURN array_to_tsvector(ARRAY(
        SELECT coalesce(((day - DATE '1900-01-01') / 7)::text, 'u') || '_' || word
        FROM unnest(
            tsvector_to_array(v) || tsvector_to_array(article_word_pairs(v)) || array_remove(ARRAY[
                '~level:' || level, '~province:' || province,
                '~period_kind:' || period_kind, '~source:' || source
            ], NULL) || ARRAY(SELECT '~kind:' || kind FROM unnest(kinds) AS kind)
        ) AS word
    ));
"""

WEEKLY_KINDS = import_module("articles.migrations.0021_weekly_meeting_kinds_index").WEEKLY_KINDS

WEEKLY_INDEX = django.contrib.postgres.indexes.GinIndex(
    articles.models.WeeklyWords("search", "date", "level", "province", "period_kind", "source", "kinds"),
    name="article_weekly_terms_gin",
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_weekly_meeting_kinds_index"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_pairs_gin"),
        migrations.RemoveIndex(model_name="article", name="article_weekly_terms_gin"),
        migrations.RunSQL(
            sql=WEEKLY_PAIRS,
            reverse_sql=WEEKLY_KINDS.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
        ),
        migrations.AddIndex(model_name="article", index=WEEKLY_INDEX),
        migrations.RunSQL(sql="ANALYZE articles_article;", reverse_sql=migrations.RunSQL.noop),
    ]
