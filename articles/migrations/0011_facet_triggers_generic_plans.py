# The facet-count triggers (migrations 0008, 0009) run their statements with generic plans.
#
# Left to choose, PostgreSQL planned the triggers' statements afresh at every call (a custom plan for
# the articles at hand, their cost estimated lower than the generic plan's): for an article stored in
# its own transaction, planning cost about 0.8 ms in each of the two triggers, three times the upserts
# they plan. A generic plan is made once per connection; the set of count rows each statement touches
# is the same whichever plan runs it. The setting holds while a trigger runs, with the functions it
# calls, and nowhere else.

from django.db import migrations

TRIGGER_FUNCTIONS = ["articles_article_facets()", "articles_meeting_facets()"]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_search_by_date_and_word_pairs"),
    ]

    operations = [
        migrations.RunSQL(
            [f"ALTER FUNCTION {f} SET plan_cache_mode = force_generic_plan" for f in TRIGGER_FUNCTIONS],
            [f"ALTER FUNCTION {f} RESET plan_cache_mode" for f in TRIGGER_FUNCTIONS],
        )
    ]
