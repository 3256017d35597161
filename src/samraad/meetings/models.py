"""The committees' work: meeting series and meetings, agenda items with their minutes,
attachments, statements, actions, the annual cycle's recurring items, approval of the
minutes (written procedure, frozen versions), notes and action plans.

An agenda item holds both parts of the meeting's papers for that item, as the import
contract does (spec/meetings.md): the agenda's text and recommendation, and the minutes'
text, statements, decision and actions.

Attachments are kept in the database (`content`), not under a media root: they are
few and small (committee papers), they then travel with the database's backup
(`samraad backup`) and transaction, and no file server needs configuring. Each upload
is a new version with its SHA-256; earlier versions stay.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from samraad.labels import model_choices
from samraad.vocabulary import (
    ACTION_STATUS,
    AGENDA_PURPOSE,
    APPROVAL_METHOD,
    CYCLE_POSITION,
    CYCLE_REPORT,
    MEETING_KIND,
    MINUTES_STATUS,
    PROCEDURE_ANSWER,
    MinutesStatus,
)

ITEM_ORIGINS = [
    (code, code)
    for code in ("manual", "minutes", "actions", "cycle", "any_other_business", "imported")
]
PROCEDURE_STATES = [(c, c) for c in ("open", "approved", "objected", "withdrawn")]


class MeetingSeries(models.Model):
    """A committee's meetings of one year; the next year's is approved each autumn."""

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="meeting_series"
    )
    year = models.PositiveSmallIntegerField()
    approved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["committee_id", "year"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "year"], name="one_series_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.committee_id} {self.year}"


class Meeting(models.Model):
    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    start = models.TimeField(null=True, blank=True)
    end = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True, default="")
    online = models.BooleanField(default=False)
    kind = models.CharField(max_length=16, choices=model_choices(MEETING_KIND), default="ordinary")
    agenda_published_on = models.DateField(null=True, blank=True)
    minutes_status = models.CharField(
        max_length=20, choices=model_choices(MINUTES_STATUS), default=MinutesStatus.DRAFT
    )
    imported_from = models.CharField(max_length=300, blank=True, default="")  # a file's name

    class Meta:
        ordering = ["date", "start"]
        constraints = [
            models.UniqueConstraint(fields=["series", "date"], name="one_meeting_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.series.committee_id} {self.date}"

    @property
    def committee_id(self) -> str:
        return str(self.series.committee_id)


class RecurringItem(models.Model):
    """A rule of the annual cycle: an item that comes back every year, by month or on
    the year's first or last meeting (meetings/cycle.py)."""

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="recurring_items"
    )
    title = models.CharField(max_length=300)
    purpose = models.CharField(
        max_length=20, choices=model_choices(AGENDA_PURPOSE), blank=True, default=""
    )
    text = models.TextField(blank=True, default="")
    month = models.PositiveSmallIntegerField(null=True, blank=True)
    position = models.CharField(
        max_length=8, choices=model_choices(CYCLE_POSITION), blank=True, default=""
    )
    order = models.PositiveSmallIntegerField(default=0)
    # The yearly status item of an action plan: its text is the plan's status then.
    action_plan = models.ForeignKey(
        "ActionPlan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The yearly sickness-absence item: its attachments are made from live figures and
    # the administrations' measures (samraad.measures).
    report = models.CharField(
        max_length=20, choices=model_choices(CYCLE_REPORT), blank=True, default=""
    )

    class Meta:
        ordering = ["committee_id", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(month__isnull=True) & Q(position__in=["first", "last"]))
                | (Q(month__gte=1) & Q(month__lte=12) & Q(position="")),
                name="recurring_by_month_or_position",
            )
        ]

    def __str__(self) -> str:
        return f"{self.committee_id}: {self.title}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    purpose = models.CharField(
        max_length=20, choices=model_choices(AGENDA_PURPOSE), blank=True, default=""
    )
    text = models.TextField(blank=True, default="")  # the agenda's text, as sent out
    recommendation = models.TextField(blank=True, default="")  # indstilling
    presenters = models.CharField(max_length=300, blank=True, default="")
    closed = models.BooleanField(default=False)  # lukket punkt: the members' only
    origin = models.CharField(max_length=20, choices=ITEM_ORIGINS, default="manual")
    recurring = models.ForeignKey(
        RecurringItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_text = models.TextField(blank=True, default="")
    decision = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["meeting_id", "number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Attachment(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=255)
    version = models.PositiveSmallIntegerField(default=1)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100, default="application/octet-stream")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.ForeignKey(
        "Note", null=True, blank=True, on_delete=models.SET_NULL, related_name="attached_as"
    )

    class Meta:
        ordering = ["item_id", "name", "version"]
        constraints = [
            models.UniqueConstraint(fields=["item", "name", "version"], name="attachment_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Statement(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="statements")
    order = models.PositiveSmallIntegerField()
    member = models.ForeignKey(
        "committees.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    speaker = models.CharField(max_length=200)  # as the minutes write it
    text = models.TextField()

    class Meta:
        ordering = ["item_id", "order"]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:40]}"


class Action(models.Model):
    """A follow-up action agreed under an item; it comes back on the committee's agendas
    until it is done or dropped."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=500)
    owner = models.CharField(max_length=200, blank=True, default="")
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=model_choices(ACTION_STATUS), default="open")
    finished_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["item__meeting__date", "item__number", "id"]

    def __str__(self) -> str:
        return self.title


class MinutesVersion(models.Model):
    """Approved minutes, frozen: the content as approved (a Paper's JSON) and who
    approved it when and how. A change after approval is approved as the next version."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    content = models.JSONField()
    sha256 = models.CharField(max_length=64)
    approved_on = models.DateField()
    method = models.CharField(max_length=20, choices=model_choices(APPROVAL_METHOD))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by_name = models.CharField(max_length=200, blank=True, default="")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="minutes_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} v{self.number}"


class WrittenProcedure(models.Model):
    """Draft minutes sent to the members with a deadline (meetings/procedure.py)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="procedures")
    content = models.JSONField()  # the draft as sent: what the answers are about
    started_on = models.DateField()
    deadline = models.DateField()
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=10, choices=PROCEDURE_STATES, default="open")
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["meeting_id", "started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("started_on")), name="deadline_after_start"
            ),
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(state="open"), name="one_open_procedure"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.started_on}–{self.deadline}"


class ProcedureAnswer(models.Model):
    """One answer of one member; a member may answer again, the latest counts."""

    procedure = models.ForeignKey(
        WrittenProcedure, on_delete=models.CASCADE, related_name="answers"
    )
    member = models.ForeignKey("committees.Member", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = models.CharField(max_length=8, choices=model_choices(PROCEDURE_ANSWER))
    comment = models.TextField(blank=True, default="")
    answered_on = models.DateField()
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["procedure_id", "answered_at", "id"]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.answer}"


class ProcedureMail(models.Model):
    """The draft's mail to one member: queued with the procedure, sent once (claimed
    first, like followup's outbox), retried by `samraad run-daily` after a failure."""

    procedure = models.ForeignKey(WrittenProcedure, on_delete=models.CASCADE, related_name="mails")
    member = models.ForeignKey("committees.Member", on_delete=models.CASCADE, related_name="+")
    recipient = models.EmailField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["procedure_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "member"], name="one_mail_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id} → {self.recipient}"


class Note(models.Model):
    """A note (notat) in the template of seed 004."""

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="notes"
    )
    title = models.CharField(max_length=500)
    recipient = models.CharField(max_length=200, blank=True, default="")
    date = models.DateField()
    case_number_f2 = models.CharField(max_length=100, blank=True, default="")
    document_number_f2 = models.CharField(max_length=100, blank=True, default="")
    case_number_edoc = models.CharField(max_length=100, blank=True, default="")
    summary = models.TextField(blank=True, default="")
    recommendation = models.TextField(blank=True, default="")
    presentation = models.TextField(blank=True, default="")
    finances = models.TextField(blank=True, default="")
    next_steps = models.TextField(blank=True, default="")
    attachments = models.TextField(blank=True, default="")
    sender = models.TextField(blank=True, default="")  # administration, then unit: a line each
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["committee_id", "-date", "-id"]

    def __str__(self) -> str:
        return self.title


class ActionPlan(models.Model):
    """A handlingsplan or opfølgningsplan; its status is a yearly item (RecurringItem)."""

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="action_plans"
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, default="")
    adopted_on = models.DateField(null=True, blank=True)
    note = models.ForeignKey(
        Note, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["committee_id", "title"]

    def __str__(self) -> str:
        return self.title


class ActionPlanElement(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="elements")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True, default="")
    owner = models.CharField(max_length=200, blank=True, default="")
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=model_choices(ACTION_STATUS), default="open")
    status_note = models.TextField(blank=True, default="")
    updated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["plan_id", "number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SearchDocument(models.Model):
    """One searchable text of the committees' work (meetings/search.py): an item's
    agenda part, its minutes part, an attachment's text or a note, with who may find it.

    `level` is the least seat that may find it: 0 every seat (guests too), 1 the
    committee's members (closed items, draft minutes), 2 its secretary (an agenda not
    sent out). The full-text index is kept by the database: on PostgreSQL a generated
    `tsvector` column with a GIN index, on SQLite an FTS5 table over `title_terms` and
    `body_terms` (the stems, filled on SQLite only) kept in step by triggers
    (migration 0002). A migration that remakes this table on SQLite must install the
    triggers again (`samraad meetings reindex` rebuilds the index)."""

    key = models.CharField(max_length=40, unique=True)  # "agenda:12", "note:3" …
    kind = models.CharField(max_length=10)
    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    note = models.ForeignKey(
        Note, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField()
    year = models.PositiveSmallIntegerField()
    level = models.PositiveSmallIntegerField(default=0)
    closed = models.BooleanField(default=False)
    draft = models.BooleanField(default=False)
    title = models.CharField(max_length=600)
    body = models.TextField(blank=True, default="")
    title_terms = models.TextField(blank=True, default="")
    body_terms = models.TextField(blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["committee", "year"], name="search_committee_year")]

    def __str__(self) -> str:
        return self.key
