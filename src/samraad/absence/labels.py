"""User-facing names of the data's codes (the codes themselves stay English)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CAUSES: dict[str, Promise] = {
    "own_sickness": _("Own sickness"),
    "child_sickness": _("Child's sickness"),
    "work_injury": _("Work injury"),
    "pregnancy_related": _("Pregnancy-related"),
    "maternity": _("Maternity"),
    "other": _("Other"),
}
CONVERSATION_KINDS: dict[str, Promise] = {
    "absence_conversation": _("Absence conversation"),
    "retention_conversation": _("Retention conversation"),
    "retention_plan": _("Retention plan"),
    "chronic_illness_agreement": _("Chronic illness agreement (§ 56)"),
    "other": _("Other"),
}


def cause(code: str) -> str:
    return str(CAUSES.get(code, code))


def conversation_kind(code: str) -> str:
    return str(CONVERSATION_KINDS.get(code, code))
