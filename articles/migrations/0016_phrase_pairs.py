"""Quoted phrases of common syllables by their pairs of adjacent words (docs/PERFORMANCE.md, section 11).

The index of words by week (0013) finds a phrase by its words and tests each article holding them:
"Côn Đảo", two syllables most articles hold, then meant testing most of the archive. A phrase whose
pairs are rare is read here instead, all its matches at once.
"""

from importlib import import_module

import django.contrib.postgres.indexes
from django.conf import settings
from django.db import migrations

# The function of 0010, which 0013 dropped with the index of pairs by date; back for a plain index of pairs.
WORD_PAIRS = import_module("articles.migrations.0010_search_by_date_and_word_pairs").WORD_PAIRS
# The expression of the index, articles.models.WordPairs until migration 0022 dropped the index.
WordPairs = import_module("articles.migrations.0010_search_by_date_and_word_pairs").WordPairs


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_article_corrected_fields"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunSQL(sql=WORD_PAIRS, reverse_sql="DROP FUNCTION public.article_word_pairs(tsvector);"),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(WordPairs("search"), name="article_pairs_gin"),
        ),
        # The planner's statistics of the pairs, by which newest_matches judges a phrase rare.
        migrations.RunSQL(sql="ANALYZE articles_article;", reverse_sql=migrations.RunSQL.noop),
    ]
