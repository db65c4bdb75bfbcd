"""The index of words by week's function priced as what it costs (docs/PERFORMANCE.md, section 14).

With its pairs of words (0022) the function costs 1–2 ms an article. At COST 10000 (25 units a row)
the planner found the articles of a commune-level, yearly, Sóc Trăng search by the b-tree index of
levels and computed the function on each: 451 ms instead of 29 from the index of words by week.
"""

from django.db import migrations

SIGNATURE = "public.article_weekly_words(tsvector, date, text, bigint, text, bigint, text[])"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_weekly_word_pairs"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"ALTER FUNCTION {SIGNATURE} COST 1000000;",
            reverse_sql=f"ALTER FUNCTION {SIGNATURE} COST 10000;",
        ),
    ]
