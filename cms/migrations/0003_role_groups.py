"""The role groups, each able to open the admin. Page permissions and review workflows
need the language trees, so `cms.roles.ensure_groups` adds them once the home pages exist."""

from django.db import migrations


def create_groups(apps, schema_editor):
    from cms.roles import role_groups

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    for name, _codenames, _languages in role_groups():
        group, _created = Group.objects.get_or_create(name=name)
        if access_admin is not None:
            group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_review_cycle"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
