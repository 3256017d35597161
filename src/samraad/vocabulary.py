"""Every code list of the product, written once with its English and Danish labels.

Codes are what files, the database and the API carry; labels are what people read.
Pure Python (the import's validation and the pure cores read the codes too); the web
app turns a vocabulary into translated form choices with `samraad.labels`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from samraad.stats import CAUSES

LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    da: str

    def label(self, language: str) -> str:
        return self.en if language == "en" else self.da


class Vocabulary:
    """An ordered list of terms; `label` falls back to the code for one outside the list
    (units.csv allows kinds of its own, for instance)."""

    def __init__(self, name: str, *terms: Term) -> None:
        self.name = name
        self.terms = terms
        self._by_code = {t.code: t for t in terms}
        if len(self._by_code) != len(terms):
            raise ValueError(f"{name}: a code is listed twice")

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def label(self, code: str, language: str) -> str:
        term = self._by_code.get(code)
        return code if term is None else term.label(language)


class Role(StrEnum):
    MANAGER = "manager"
    HR_PARTNER = "hr_partner"
    CENTRAL_HR = "central_hr"
    COMMITTEE = "committee"
    ADMINISTRATOR = "administrator"


ROLES = Vocabulary(
    "role",
    Term(Role.MANAGER, "Manager", "Leder"),
    Term(Role.HR_PARTNER, "HR partner", "HR-partner"),
    Term(Role.CENTRAL_HR, "Central HR", "Central HR"),
    Term(Role.COMMITTEE, "Committee member", "MED-medlem"),
    Term(Role.ADMINISTRATOR, "Administrator", "Administrator"),
)

_CAUSE_LABELS = {
    "own_sickness": ("Own sickness", "Egen sygdom"),
    "child_sickness": ("Child's sickness", "Barns sygdom"),
    "work_injury": ("Work injury", "Arbejdsskade"),
    "pregnancy_related": ("Pregnancy-related", "Graviditetsgener"),
    "maternity": ("Maternity", "Barsel"),
    "other": ("Other", "Andet"),
}
# The statistics core owns the cause codes (spec/data-format.md); here they get labels.
CAUSE = Vocabulary("cause", *(Term(c, *_CAUSE_LABELS[c]) for c in CAUSES))


class ConversationKind(StrEnum):
    ABSENCE_CONVERSATION = "absence_conversation"
    RETENTION_CONVERSATION = "retention_conversation"
    RETENTION_PLAN = "retention_plan"
    CHRONIC_ILLNESS_AGREEMENT = "chronic_illness_agreement"
    OTHER = "other"


CONVERSATION_KIND = Vocabulary(
    "conversation kind",
    Term(ConversationKind.ABSENCE_CONVERSATION, "Absence conversation", "Sygefraværssamtale"),
    Term(ConversationKind.RETENTION_CONVERSATION, "Retention conversation", "Fastholdelsessamtale"),
    Term(ConversationKind.RETENTION_PLAN, "Retention plan", "Fastholdelsesplan"),
    Term(
        ConversationKind.CHRONIC_ILLNESS_AGREEMENT,
        "Chronic illness agreement (§ 56)",
        "§ 56-aftale",
    ),
    Term(ConversationKind.OTHER, "Other", "Andet"),
)

ALERT_REASON = Vocabulary(
    "alert reason",
    Term("days", "Sick days", "Sygedage"),
    Term("spells", "Spells", "Sygeforløb"),
    Term("days+spells", "Sick days and spells", "Sygedage og sygeforløb"),
    Term("spell_length", "Length of the spell", "Forløbets længde"),
)

ALERT_STATUS = Vocabulary(
    "alert status",
    Term("open", "Open", "Åben"),
    Term("overdue", "Overdue", "Overskredet"),
    Term("closed", "Closed", "Lukket"),
    # The employee left, or moved outside the manager's units, before it was answered.
    Term("lapsed", "Lapsed", "Bortfaldet"),
)


class FollowUpAction(StrEnum):
    CONVERSATION = "conversation"
    RETENTION_PLAN = "retention_plan"
    REFUND_CLAIMED = "refund_claimed"
    EMPLOYER_PERIOD_NOTED = "employer_period_noted"


# What answers an alert: each action has its own record (followup.models).
FOLLOW_UP_ACTION = Vocabulary(
    "follow-up action",
    Term(FollowUpAction.CONVERSATION, "Conversation held", "Samtale afholdt"),
    Term(FollowUpAction.RETENTION_PLAN, "Retention plan made (§ 7b)", "Fastholdelsesplan (§ 7b)"),
    Term(FollowUpAction.REFUND_CLAIMED, "Refund claimed", "Refusion anmodet"),
    Term(
        FollowUpAction.EMPLOYER_PERIOD_NOTED,
        "End of the employer period noted (§ 30)",
        "Arbejdsgiverperiodens afslutning noteret (§ 30)",
    ),
)

# The action that answers each rule of the default rule set (rules/default.toml); a
# rule not listed (a municipality's own) is answered by a conversation.
RULE_ACTIONS: dict[str, FollowUpAction] = {
    "conversation": FollowUpAction.CONVERSATION,
    "statutory-7a": FollowUpAction.CONVERSATION,
    "retention-plan": FollowUpAction.RETENTION_PLAN,
    "refund-claim": FollowUpAction.REFUND_CLAIMED,
    "employer-period-end": FollowUpAction.EMPLOYER_PERIOD_NOTED,
}


def action_for(rule_id: str) -> FollowUpAction:
    return RULE_ACTIONS.get(rule_id, FollowUpAction.CONVERSATION)


STRUCTURE = Vocabulary(
    "structure",
    Term("historic", "Historic structure", "Historisk struktur"),
    Term("current", "Current structure", "Nuværende struktur"),
)

UNIT_KIND = Vocabulary(
    "unit kind",
    Term("municipality", "Municipality", "Kommune"),
    Term("administration", "Administration", "Forvaltning"),
    Term("centre", "Centre", "Center"),
    Term("office", "Office", "Kontor"),
    Term("unit", "Unit", "Enhed"),
)

END_REASON = Vocabulary(
    "end reason",
    Term("resignation", "Resignation", "Egen opsigelse"),
    Term("dismissal", "Dismissal", "Afskedigelse"),
    Term("retirement", "Retirement", "Pension"),
    Term("transfer", "Transfer", "Overflytning"),
    Term("other", "Other", "Andet"),
)

# Committees (the MED system): levels, sides and the roles members hold.
COMMITTEE_LEVEL = Vocabulary(
    "committee level",
    Term("central", "Central committee (CSO)", "Centralt samarbejdsorgan (CSO)"),
    Term("main", "Main committee (HovedMED)", "HovedMED"),
    Term("local", "Local committee (LokalMED)", "LokalMED"),
    Term("working_group", "Working group", "Arbejdsgruppe"),
)
SIDE = Vocabulary(
    "side",
    Term("management", "Management side", "Ledelsessiden"),
    Term("employee", "Employee side", "Medarbejdersiden"),
)


class CommitteeRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"
    GUEST = "guest"


COMMITTEE_ROLE = Vocabulary(
    "committee role",
    Term(CommitteeRole.CHAIR, "Chair", "Formand"),
    Term(CommitteeRole.VICE_CHAIR, "Vice-chair", "Næstformand"),
    Term(CommitteeRole.MEMBER, "Member", "Medlem"),
    Term(CommitteeRole.SECRETARY, "Secretary", "Sekretær"),
    Term(CommitteeRole.GUEST, "Guest", "Gæst"),
)

# Committee work (meetings app): what an agenda item asks of the committee, meetings,
# minutes and their approval, follow-up actions and the annual cycle.
AGENDA_PURPOSE = Vocabulary(
    "agenda item purpose",
    Term("approval", "For approval", "Til godkendelse"),
    Term("discussion", "For discussion", "Til drøftelse"),
    Term("theme_discussion", "Theme discussion", "Temadrøftelse"),
    Term("orientation", "For information", "Til orientering"),
)
MEETING_KIND = Vocabulary(
    "meeting kind",
    Term("ordinary", "Ordinary meeting", "Ordinært møde"),
    Term("extraordinary", "Extraordinary meeting", "Ekstraordinært møde"),
    Term("theme", "Theme meeting", "Temamøde"),
)


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    WRITTEN_PROCEDURE = "written_procedure"
    OBJECTED = "objected"
    APPROVED = "approved"


MINUTES_STATUS = Vocabulary(
    "minutes status",
    Term(MinutesStatus.DRAFT, "Draft", "Udkast"),
    Term(MinutesStatus.WRITTEN_PROCEDURE, "In written procedure", "I skriftlig proces"),
    Term(
        MinutesStatus.OBJECTED, "Objections in written procedure", "Indsigelser i skriftlig proces"
    ),
    Term(MinutesStatus.APPROVED, "Approved", "Godkendt"),
)
APPROVAL_METHOD = Vocabulary(
    "approval method",
    Term("written_procedure", "In written procedure", "I skriftlig proces"),
    Term("meeting", "At the meeting, signed off by the chair", "På mødet, kvitteret af formanden"),
    Term("imported", "Imported as approved", "Importeret som godkendt"),
)
PROCEDURE_ANSWER = Vocabulary(
    "written procedure answer",
    Term("approve", "Approved", "Godkendt"),
    Term("object", "Objection", "Indsigelse"),
)


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


ACTION_STATUS = Vocabulary(
    "action status",
    Term(ActionStatus.OPEN, "Not started", "Ikke påbegyndt"),
    Term(ActionStatus.IN_PROGRESS, "In progress", "I gang"),
    Term(ActionStatus.DONE, "Done", "Gennemført"),
    Term(ActionStatus.CANCELLED, "Dropped", "Udgået"),
)
# Statuses that end an action: it no longer comes back on the agendas.
FINISHED_ACTION_STATUSES = frozenset({ActionStatus.DONE, ActionStatus.CANCELLED})
CYCLE_POSITION = Vocabulary(
    "annual cycle position",
    Term("first", "The year's first meeting", "Årets første møde"),
    Term("last", "The year's last meeting", "Årets sidste møde"),
)

# What an annual cycle's item is about when the app makes its attachments from live
# figures (the yearly sickness-absence item: statistics and the administrations' measures).
SICKNESS_ABSENCE_REPORT = "sickness_absence"
CYCLE_REPORT = Vocabulary(
    "annual cycle report",
    Term(
        SICKNESS_ABSENCE_REPORT,
        "Sickness absence: statistics and measures",
        "Sygefravær: statistik og tiltag",
    ),
)
