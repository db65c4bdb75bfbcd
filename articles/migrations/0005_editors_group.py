"""The editors group ("Biên tập viên"): staff who ingest and correct articles but never delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Biên tập viên"
EDITED = ["article", "meeting", "appearance", "indicator", "person", "source"]
VIEWED = ["administrativeunit", "personmerge"]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; a fresh database needs them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in EDITED for action in ("add", "change", "view")]
    codenames += [f"view_{model}" for model in VIEWED]
    permissions = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    assert permissions.count() == len(codenames), "missing permissions for the editors group"
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_person_merge"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
