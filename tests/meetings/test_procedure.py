"""Written procedure alone (meetings/procedure.py): approved when every member has
approved, or on the deadline without objections; an objection stands until the deadline."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from samraad.meetings.procedure import Answer, outcome

D = dt.date
DEADLINE = D(2026, 6, 22)
VOTERS = ["mette", "frede", "bo"]


def test_silence_until_the_deadline_keeps_it_open() -> None:
    result = outcome(VOTERS, [], DEADLINE, DEADLINE)
    assert (result.state, result.waiting_for) == ("open", ("mette", "frede", "bo"))


def test_after_the_deadline_without_objections_it_is_approved_on_the_deadline() -> None:
    answers = [Answer("mette", "approve", D(2026, 6, 16))]
    result = outcome(VOTERS, answers, DEADLINE, D(2026, 6, 23))
    assert (result.state, result.approved_on) == ("approved", DEADLINE)
    assert (result.approved_by, result.waiting_for) == (("mette",), ("frede", "bo"))


def test_every_member_approving_approves_on_the_last_answer() -> None:
    answers = [
        Answer("mette", "approve", D(2026, 6, 16)),
        Answer("bo", "approve", D(2026, 6, 18)),
        Answer("frede", "approve", D(2026, 6, 17)),
    ]
    result = outcome(VOTERS, answers, DEADLINE, D(2026, 6, 18))
    assert (result.state, result.approved_on) == ("approved", D(2026, 6, 18))


def test_an_objection_stands_until_the_deadline_then_ends_it() -> None:
    answers = [Answer("bo", "object", D(2026, 6, 16)), Answer("mette", "approve", D(2026, 6, 16))]
    assert outcome(VOTERS, answers, DEADLINE, DEADLINE).state == "open"
    late = outcome(VOTERS, answers, DEADLINE, D(2026, 6, 23))
    assert (late.state, late.approved_on, late.objected_by) == ("objected", None, ("bo",))


def test_a_member_may_change_their_answer_before_the_deadline() -> None:
    answers = [Answer("bo", "object", D(2026, 6, 16)), Answer("bo", "approve", D(2026, 6, 19))]
    assert outcome(VOTERS, answers, DEADLINE, D(2026, 6, 23)).state == "approved"


def test_an_answer_after_the_deadline_does_not_count() -> None:
    answers = [Answer("bo", "object", D(2026, 6, 23))]
    result = outcome(VOTERS, answers, DEADLINE, D(2026, 6, 24))
    assert (result.state, result.objected_by) == ("approved", ())


def test_answers_of_others_than_the_voters_do_not_count() -> None:
    answers = [Answer("guest", "object", D(2026, 6, 16))]
    assert outcome(VOTERS, answers, DEADLINE, D(2026, 6, 23)).state == "approved"


@settings(deadline=None)  # a shared machine's pauses are not the property's concern
@given(
    st.lists(
        st.tuples(
            st.sampled_from(VOTERS),
            st.sampled_from(["approve", "object"]),
            st.integers(min_value=0, max_value=12),
        ),
        max_size=8,
    ),
    st.integers(min_value=0, max_value=12),
)
def test_the_outcome_follows_the_latest_answers(raw: list[tuple[str, str, int]], day: int) -> None:
    start = D(2026, 6, 15)
    answers = [Answer(v, a, start + dt.timedelta(days=n)) for v, a, n in raw]  # type: ignore[arg-type]
    today = start + dt.timedelta(days=day)
    result = outcome(VOTERS, answers, DEADLINE, today)
    latest: dict[str, str] = {}
    for answer in sorted(answers, key=lambda a: a.on):
        if answer.on <= DEADLINE:
            latest[answer.voter] = answer.answer
    objects = "object" in latest.values()
    everyone = len(latest) == len(VOTERS) and not objects
    if objects:
        assert result.state == ("objected" if today > DEADLINE else "open")
    elif everyone:
        assert result.state == "approved"
    else:
        assert result.state == ("approved" if today > DEADLINE else "open")
    assert set(result.approved_by) | set(result.objected_by) | set(result.waiting_for) == set(
        VOTERS
    )
