"""No index of the articles' words over the whole archive (docs/PERFORMANCE.md, section 14).

Its one use left was counting a rare query's matches in every week at once; the index of words by week
answers that too, with the filters, since it holds them (0019, 0021) and the pairs of words (0022).
Each article ingested wrote ~300 entries in it: with the pairs in the index of words by week, bulk
ingestion had fallen to 296 articles a second.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_weekly_words_cost"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_search_gin"),
    ]
