"""The search index follows every save of the committees' work (meetings/search.py):
connected in the app's `ready()`. Rows written in bulk send no signal; their services
call `search.meeting_changed` themselves (agenda.build_agenda, store.store_meeting)."""

from __future__ import annotations

import contextvars
from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete

from samraad.meetings import search
from samraad.meetings.models import (
    Action,
    AgendaItem,
    Attachment,
    Meeting,
    MinutesVersion,
    Note,
    Statement,
)

# Items being removed: pre_delete comes for every row of a removal before any is gone.
_leaving: contextvars.ContextVar[frozenset[int]] = contextvars.ContextVar(
    "search_leaving", default=frozenset()
)


def _meeting(sender: Any, instance: Meeting, **kwargs: Any) -> None:
    search.meeting_changed(instance)


def _version(sender: Any, instance: MinutesVersion, **kwargs: Any) -> None:
    search.meeting_changed(instance.meeting)


def _item(sender: Any, instance: AgendaItem, **kwargs: Any) -> None:
    search.meeting_changed(instance.meeting, instance)


def _removing(sender: Any, instance: AgendaItem, **kwargs: Any) -> None:
    _leaving.set(_leaving.get() | {instance.pk})


def _removed(sender: Any, instance: AgendaItem, **kwargs: Any) -> None:
    _leaving.set(_leaving.get() - {instance.pk})


def _part(sender: Any, instance: Statement | Action | Attachment, **kwargs: Any) -> None:
    """A statement, action or attachment saved or removed: its item again, unless the
    item itself is being removed (its index rows go with it)."""
    if instance.item_id in _leaving.get():
        return
    item = AgendaItem.objects.filter(pk=instance.item_id).select_related("meeting").first()
    if item is not None:
        search.meeting_changed(item.meeting, item)


def _note(sender: Any, instance: Note, **kwargs: Any) -> None:
    search.note_changed(instance)


def connect() -> None:
    post_save.connect(_meeting, sender=Meeting, dispatch_uid="search_meeting")
    post_save.connect(_version, sender=MinutesVersion, dispatch_uid="search_version")
    post_save.connect(_item, sender=AgendaItem, dispatch_uid="search_item")
    post_save.connect(_note, sender=Note, dispatch_uid="search_note")
    pre_delete.connect(_removing, sender=AgendaItem, dispatch_uid="search_item_removing")
    post_delete.connect(_removed, sender=AgendaItem, dispatch_uid="search_item_removed")
    for model in (Statement, Action, Attachment):
        name = model.__name__.lower()
        post_save.connect(_part, sender=model, dispatch_uid=f"search_{name}_saved")
        post_delete.connect(_part, sender=model, dispatch_uid=f"search_{name}_deleted")
