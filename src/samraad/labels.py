"""Vocabularies (samraad.vocabulary) in the web app: labels in the active language."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import get_language

from samraad.vocabulary import Vocabulary


def label(vocabulary: Vocabulary, code: str) -> str:
    """The code's label in the language of the request (Danish by default)."""
    return vocabulary.label(code, get_language() or "da")


_lazy_label = lazy(label, str)


def choices(vocabulary: Vocabulary, codes: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """Form choices whose labels follow the language at the time they are shown."""
    return [(code, _lazy_label(vocabulary, code)) for code in (codes or vocabulary.codes)]


def model_choices(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """Choices for a model field: the codes themselves (labels belong to the pages, so a
    changed label needs no migration)."""
    return [(code, code) for code in vocabulary.codes]
