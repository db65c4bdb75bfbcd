"""Full-text search by date window and by pairs of adjacent words (docs/PERFORMANCE.md, "At one million").

- The search index also holds each article's date (btree_gin; 0001-01-01 for the undated, which count
  as the oldest), so "the matches of the newest days" is one index scan whose cost is set by the
  window, not by how many articles in the archive match.
- article_word_pairs(search) turns a search vector into one lexeme per two adjacent words: 'con_dao'
  wherever 'con' is at position p and 'dao' at p + 1, exactly the adjacency a phrase query ('con' <->
  'dao') tests. Indexed, a quoted phrase finds the few articles holding all its pairs instead of
  re-reading every article holding all its words. Computed from the stored vector, so the index and
  the phrase test cannot disagree about what is adjacent.
"""

import datetime

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models


class WordPairs(models.Func):
    """The pairs of adjacent words of a search vector, indexed here, by 0016 and 0021; in the index of
    words by week since 0022."""

    function = "article_word_pairs"
    output_field = django.contrib.postgres.search.SearchVectorField()


# Also what migration 0013 re-creates on reversal and 0016 creates again.
WORD_PAIRS = """
CREATE FUNCTION public.article_word_pairs(v tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    -- About 1 ms an article: the planner must not choose to compute it per row to save an
    -- index scan (ArticleQuerySet.matching).
    COST 10000
    RETURN (
        SELECT coalesce(array_to_tsvector(array_agg(word || '_' || next_word)), ''::tsvector)
        FROM (
            SELECT lexeme AS word, position,
                   lead(lexeme) OVER by_position AS next_word,
                   lead(position) OVER by_position AS next_position
            FROM unnest(v) AS entry, unnest(entry.positions) AS position
            WINDOW by_position AS (ORDER BY position)
        ) AS adjacent
        WHERE next_position = position + 1
    );
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_facet_kinds_delta"),
    ]

    operations = [
        BtreeGinExtension(),
        migrations.RunSQL(
            sql=WORD_PAIRS,
            reverse_sql="DROP FUNCTION public.article_word_pairs(tsvector);",
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                django.db.models.functions.comparison.Coalesce(
                    models.F("date"), models.Value(datetime.date(1, 1, 1))
                ),
                models.F("search"),
                name="article_date_search_gin",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                django.db.models.functions.comparison.Coalesce(
                    models.F("date"), models.Value(datetime.date(1, 1, 1))
                ),
                WordPairs("search"),
                name="article_date_pairs_gin",
            ),
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_search_gin",
        ),
    ]
