"""The schema repeats the models' choices and lengths so that validation needs no Django."""

from __future__ import annotations

from django.db import models

from samraad.absence import models as absence
from samraad.followup import models as followup
from samraad.interchange import schema
from samraad.interchange.database import MODELS
from samraad.org.models import Manager
from samraad.people import models as people


def values(choices: list[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(value for value, _ in choices)


def test_choices_match_the_models() -> None:
    assert schema.CAUSES.values == values(absence.CAUSES)
    assert schema.CONVERSATION_KINDS.values == values(followup.CONVERSATION_KINDS)
    assert schema.END_REASONS.values == values(people.END_REASONS)
    assert schema.GENDERS.values == values(people.GENDERS)
    language = Manager._meta.get_field("language")
    assert schema.LANGUAGES.values == values(language.choices)  # type: ignore[arg-type]
    assert schema.MANAGERS.column("language").default == language.default


def test_every_column_is_a_model_field_and_text_fits() -> None:
    for table in schema.TABLES:
        model = MODELS[table.name]
        for column in table.columns:
            field = model._meta.get_field(column.name)
            if isinstance(column.type, schema.Text) and isinstance(field, models.CharField):
                assert column.type.max_length == field.max_length, (table.name, column.name)
