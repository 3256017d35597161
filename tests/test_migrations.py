"""The models and their migrations agree, and no app has two leaf migrations."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration() -> None:
    # --check exits non-zero when a migration is missing; a conflict (two leaves of one app)
    # is an error of its own.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
