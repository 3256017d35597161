"""Which conversations answer which rule (spec/rules.md, "After an alert"): the one home of
the table, for the alerts' status and the longest absences' next step. Pure.

| rule id                           | closed by                                      |
|-----------------------------------|------------------------------------------------|
| conversation, statutory-7a        | absence_conversation                           |
| retention-plan                    | retention_plan or retention_conversation       |
| any other (employer-period-end, refund-claim, a municipality's own) | any kind     |
"""

from __future__ import annotations

CLOSING_KINDS: dict[str, tuple[str, ...]] = {
    "conversation": ("absence_conversation",),
    "statutory-7a": ("absence_conversation",),
    "retention-plan": ("retention_plan", "retention_conversation"),
}


def closing_kinds(rule_id: str) -> tuple[str, ...] | None:
    """The conversation kinds that close an alert of this rule; None: any kind."""
    return CLOSING_KINDS.get(rule_id)


def fits(rule_id: str, kind: str) -> bool:
    kinds = closing_kinds(rule_id)
    return kinds is None or kind in kinds
