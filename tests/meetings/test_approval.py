"""Approving minutes: written procedure by mail with a deadline, answers on the page,
approval when everyone has approved or when the deadline passes without objections
(run-daily, idempotent), objections, sign-off at the meeting, frozen versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from samraad.meetings import approval
from samraad.meetings.daily import run_committee_day
from samraad.meetings.models import AgendaItem, Meeting, ProcedureMail
from samraad.meetings.recording import save_minutes
from tests.meetings.world import Committees

TODAY = dt.date(2026, 6, 15)
DEADLINE = dt.date(2026, 6, 22)


def member(world: Committees, name: str):  # type: ignore[no-untyped-def]
    return world.june.series.committee.members.get(user__username=name)


def started(world: Committees) -> approval.WrittenProcedure:
    return approval.start_procedure(world.june, DEADLINE, world.sofie, TODAY)


def test_the_draft_goes_by_mail_once_to_each_voting_member(committees: Committees) -> None:
    started(committees)
    first, second = run_committee_day(TODAY), run_committee_day(TODAY)
    assert (first.mail.sent, second.mail.sent) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["frede@kk.example", "mette@kk.example"]
    message = next(m for m in mail.outbox if m.to == ["mette@kk.example"])
    assert message.subject == "Referat i skriftlig proces: CSO, mødet den 11. juni 2026"
    assert "senest 22. juni 2026" in message.body
    assert f"https://samraad.kk.example/meetings/{committees.june.pk}/" in message.body
    assert ProcedureMail.objects.filter(sent_at__isnull=False).count() == 2


def test_everyone_approving_approves_at_once_and_freezes_what_was_sent(
    committees: Committees,
) -> None:
    procedure = started(committees)
    approval.answer(
        procedure, member(committees, "mette"), committees.world.mette, "approve", "", TODAY
    )
    assert Meeting.objects.get(pk=committees.june.pk).minutes_status == "written_procedure"
    approval.answer(
        procedure, member(committees, "frede"), committees.frede, "approve", "Fint.", TODAY
    )
    june = Meeting.objects.get(pk=committees.june.pk)
    version = june.versions.get()
    assert (june.minutes_status, version.method, version.approved_on) == (
        "approved",
        "written_procedure",
        TODAY,
    )
    assert version.content == procedure.content
    assert [i["title"] for i in version.content["items"]][1] == "Sygefravær 2025"


def test_the_deadline_passing_without_objections_approves_once(committees: Committees) -> None:
    procedure = started(committees)
    approval.answer(
        procedure, member(committees, "mette"), committees.world.mette, "approve", "", TODAY
    )
    assert run_committee_day(DEADLINE).approved == 0
    after = run_committee_day(DEADLINE + dt.timedelta(days=1))
    again = run_committee_day(DEADLINE + dt.timedelta(days=2))
    assert (after.approved, again.approved) == (1, 0)
    version = committees.june.versions.get()
    assert (version.approved_on, version.method) == (DEADLINE, "written_procedure")


def test_an_objection_ends_the_procedure_at_the_deadline_and_it_can_go_again(
    committees: Committees,
) -> None:
    procedure = started(committees)
    with pytest.raises(approval.ApprovalError, match="hvad indsigelsen går ud på"):
        approval.answer(
            procedure, member(committees, "mette"), committees.world.mette, "object", "", TODAY
        )
    approval.answer(
        procedure,
        member(committees, "mette"),
        committees.world.mette,
        "object",
        "Punkt 2 mangler tal.",
        TODAY,
    )
    assert run_committee_day(DEADLINE + dt.timedelta(days=1)).objected == 1
    june = Meeting.objects.get(pk=committees.june.pk)
    assert (june.minutes_status, june.versions.count()) == ("objected", 0)
    item = AgendaItem.objects.get(meeting=june, number=2)
    save_minutes(item, "CSO drøftede tallene for 2025 for hver forvaltning.", "")
    again = approval.start_procedure(
        june, dt.date(2026, 6, 30), committees.sofie, dt.date(2026, 6, 24)
    )
    assert again.content["items"][1]["minutes_text"].endswith("for hver forvaltning.")


def test_no_change_while_in_written_procedure_and_no_answer_after_the_deadline(
    committees: Committees,
) -> None:
    procedure = started(committees)
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    with pytest.raises(approval.ApprovalError, match="skriftlig proces"):
        save_minutes(item, "Ændret.", "")
    late = DEADLINE + dt.timedelta(days=1)
    with pytest.raises(approval.ApprovalError, match="udløbet"):
        approval.answer(
            procedure, member(committees, "mette"), committees.world.mette, "approve", "", late
        )


def test_a_change_after_approval_is_a_new_version_and_the_first_stays(
    committees: Committees,
) -> None:
    approval.sign_off(committees.june, committees.frede, "Frede Falk", TODAY)
    first = committees.june.versions.get()
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    save_minutes(item, "CSO drøftede tallene; rettet stavefejl.", "")
    june = Meeting.objects.get(pk=committees.june.pk)
    assert june.minutes_status == "draft"
    first.refresh_from_db()
    assert first.content["items"][1]["minutes_text"] == "CSO drøftede tallene."
    second = approval.sign_off(june, committees.frede, "Frede Falk", dt.date(2026, 9, 10))
    assert (second.number, second.approved_by_name, second.method) == (2, "Frede Falk", "meeting")
    assert second.content["items"][1]["minutes_text"] == "CSO drøftede tallene; rettet stavefejl."
    assert second.sha256 != first.sha256


def test_a_meeting_not_held_yet_cannot_be_signed_off(committees: Committees) -> None:
    with pytest.raises(approval.ApprovalError, match="ikke holdt"):
        approval.sign_off(committees.september, committees.frede, "Frede Falk", TODAY)


def test_withdrawing_makes_the_minutes_a_draft_and_drops_unsent_mail(
    committees: Committees,
) -> None:
    started(committees)
    approval.withdraw(committees.june, TODAY)
    june = Meeting.objects.get(pk=committees.june.pk)
    assert (june.minutes_status, ProcedureMail.objects.count()) == ("draft", 0)
    assert june.procedures.get().state == "withdrawn"


def test_run_daily_concludes_the_procedures_past_their_deadline(
    committees: Committees, capsys: pytest.CaptureFixture[str]
) -> None:
    from samraad.cli import main

    started(committees)
    assert main(["run-daily", "--today", "2026-06-23"]) == 0
    out = capsys.readouterr().out
    assert "written procedures: 1 approved, 0 with objections; mail: 2 sent, 0 failed" in out
    assert committees.june.versions.get().approved_on == DEADLINE
    assert main(["run-daily", "--today", "2026-06-23"]) == 0
    assert (
        "written procedures: 0 approved, 0 with objections; mail: 0 sent" in capsys.readouterr().out
    )
