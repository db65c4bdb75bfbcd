"""Full-text search by the words of each week instead of date ranges and word pairs (docs/PERFORMANCE.md,
"One million articles").

At one million articles the date ranges of migration 0010 cost about 2 µs per article of a window
whether it held matches or not (GIN collects every entry of the range before it intersects the words),
and the pairs index cost 0.9 ms of PostgreSQL per ingested article. article_weekly_words(search, date)
prefixes each lexeme with the week of the article's date ('1303_tinh', articles.tsquery): the matches
of a few weeks are then those weeks' own lexemes, so a window costs what its matches cost and an empty
one a few lookups. The plain index of words is back for what is read at once (rare words, the oldest).

The two indexes of 0010 are dropped if they exist: the benchmark clusters load without them.
"""

from importlib import import_module

import django.contrib.postgres.indexes
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations
from django.db.models import Func


class WeeklyWordsOf(Func):
    """articles.models.WeeklyWords as this migration made it: the words of each week only."""

    function = "article_weekly_words"
    output_field = SearchVectorField()


WORD_PAIRS = import_module("articles.migrations.0010_search_by_date_and_word_pairs").WORD_PAIRS

# Also what migration 0019 re-creates on reversal.
WEEKLY_WORDS = """
CREATE FUNCTION public.article_weekly_words(v tsvector, day date) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- Weeks since Monday 1 January 1900 (articles.tsquery.week_of), 'u' for the undated.
    -- Costly for a row (~0.1 ms): the planner must look it up in its index, never
    -- compute it per row.
    COST 10000
    RETURN array_to_tsvector(ARRAY(
        SELECT coalesce(((day - DATE '1900-01-01') / 7)::text, 'u') || '_' || word
        FROM unnest(tsvector_to_array(v)) AS word
    ));
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_person_appearance_count"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql="DROP INDEX IF EXISTS article_date_pairs_gin; DROP INDEX IF EXISTS article_date_search_gin;",
                    reverse_sql="""
                    CREATE INDEX article_date_search_gin ON articles_article
                        USING gin (COALESCE(date, '0001-01-01'::date), search);
                    CREATE INDEX article_date_pairs_gin ON articles_article
                        USING gin (COALESCE(date, '0001-01-01'::date), article_word_pairs(search));
                    """,
                ),
                migrations.RunSQL(
                    sql="DROP FUNCTION public.article_word_pairs(tsvector);", reverse_sql=WORD_PAIRS
                ),
            ],
            state_operations=[
                migrations.RemoveIndex(model_name="article", name="article_date_pairs_gin"),
                migrations.RemoveIndex(model_name="article", name="article_date_search_gin"),
            ],
        ),
        migrations.RunSQL(
            sql=WEEKLY_WORDS,
            reverse_sql="DROP FUNCTION public.article_weekly_words(tsvector, date);",
        ),
        migrations.RunSQL(
            sql="""
            CREATE FUNCTION public.article_matches(v tsvector, q tsquery) RETURNS boolean
                LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
                -- v @@ q on a row the index of words by week found, for what it cannot tell (a
                -- phrase, a "-word"). Not inlined and declared costly, so that the planner tests the
                -- other filters of a search first: this one reads the row's search vector.
                COST 1000
                AS $$ BEGIN RETURN v @@ q; END $$;
            """,
            reverse_sql="DROP FUNCTION public.article_matches(tsvector, tsquery);",
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                WeeklyWordsOf("search", "date"), name="article_weekly_words_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search"], name="article_search_gin"),
        ),
    ]
