"""A failure while writing leaves the database as it was: one transaction."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from django.db import models

from samraad.absence.models import Absence
from samraad.interchange import database
from samraad.interchange.store import import_folder

from .conftest import WORLD, row_counts, write_folder


class Broken(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_failure_after_some_tables_are_written_rolls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = database.writer()

    class FailingOnAbsences:
        def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
            if model is Absence:
                raise Broken
            real.insert(model, frame)

        def update(self, model: type[models.Model], key: list[str], frame: pl.DataFrame) -> None:
            real.update(model, key, frame)

    monkeypatch.setattr(database, "writer", FailingOnAbsences)
    before = row_counts()
    with pytest.raises(Broken):
        import_folder(write_folder(tmp_path, WORLD))
    assert row_counts() == before
