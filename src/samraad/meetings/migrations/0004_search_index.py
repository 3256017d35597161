"""The search's full-text index (meetings/searchindex.py). A database that had meetings
before gets its index with `samraad meetings reindex`."""

from django.db import migrations


def install(apps, schema_editor):
    from samraad.meetings import searchindex

    searchindex.install(schema_editor.connection)


def remove(apps, schema_editor):
    from samraad.meetings import searchindex

    searchindex.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_searchdocument")]
    operations = [
        migrations.RunPython(install, remove),
    ]
