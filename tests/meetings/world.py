"""The committees of the web tests' municipality (tests/web/world.py), with their people
and a year of meetings. Today is Monday 15 June 2026.

CSO (KK)         sofie secretary, frede chair (management), mette member (employee),
                 gitte guest
 ├─ HMED-BUF     henrik member; hugo secretary
 └─ TG-SYG       working group under CSO: wanda member
HMED-KFF (KFF)   no seats with logins

CSO 2026: 5 March (minutes approved in written procedure; item 3 closed, with an
attachment), 11 June (held, minutes a draft, an action), 10 September, 3 December.
HMED-BUF 2026: 20 May (approved at the meeting; item 2 closed).
The annual cycle: the year's sickness absence in June, the budget in September, the
meeting series on the last meeting, the follow-up plan's status in December.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from samraad.committees.models import Committee, Member
from samraad.meetings.agenda import series_of
from samraad.meetings.approval import freeze
from samraad.meetings.attachments import add_attachment
from samraad.meetings.content import paper_of
from samraad.meetings.models import (
    Action,
    ActionPlan,
    ActionPlanElement,
    AgendaItem,
    Meeting,
    RecurringItem,
    Statement,
)
from tests.web.world import PASSWORD, World

SINCE = dt.date(2022, 1, 1)
MARCH, JUNE, SEPTEMBER, DECEMBER = (
    dt.date(2026, 3, 5),
    dt.date(2026, 6, 11),
    dt.date(2026, 9, 10),
    dt.date(2026, 12, 3),
)
CLOSED_TITLE = "Personalesag: afskedigelse i Center for Dagtilbud"
CLOSED_TEXT = "Sagen om medarbejder SOL-7 drøftes."


@dataclass(frozen=True)
class Committees:
    world: World
    sofie: User  # CSO secretary
    frede: User  # CSO chair
    gitte: User  # CSO guest
    hugo: User  # HMED-BUF secretary
    wanda: User  # TG-SYG member
    march: Meeting
    june: Meeting
    september: Meeting
    december: Meeting
    buf_may: Meeting


def user(name: str) -> User:
    return User.objects.create_user(name, f"{name}@kk.example", PASSWORD)


def seat(committee: str, name: str, who: User | None, side: str, role: str) -> Member:
    return Member.objects.create(
        committee_id=committee,
        name=name,
        user=who,
        side=side,
        role=role,
        organisation="ledelsen" if side == "management" else "FOA",
        valid_from=SINCE,
    )


def item(meeting: Meeting, number: int, title: str, **fields: object) -> AgendaItem:
    return AgendaItem.objects.create(meeting=meeting, number=number, title=title, **fields)


def build_committees(world: World) -> Committees:
    cso = Committee.objects.get(code="CSO")
    Committee.objects.filter(code="CSO").update(name="Centralt Samarbejdsorgan")
    cso.refresh_from_db()
    Committee.objects.create(code="HMED-KFF", name="HovedMED KFF", level="main", unit_id="KFF")
    Committee.objects.create(
        code="TG-SYG",
        name="Temagruppen om sygefravær",
        level="working_group",
        parent=cso,
        mandate="Følger sygefraværet og foreslår indsatser.",
    )
    Member.objects.filter(user=world.mette).update(name="Mette Holm", valid_from=SINCE)
    sofie, frede, gitte = user("sofie"), user("frede"), user("gitte")
    hugo, wanda = user("hugo"), user("wanda")
    seat("CSO", "Sofie Secher", sofie, "management", "secretary")
    seat("CSO", "Frede Falk", frede, "management", "chair")
    seat("CSO", "Gitte Gæst", gitte, "employee", "guest")
    seat("HMED-BUF", "Hugo Hansen", hugo, "management", "secretary")
    seat("TG-SYG", "Wanda Winther", wanda, "employee", "member")

    plan = ActionPlan.objects.create(committee=cso, title="Opfølgningsplanen")
    ActionPlanElement.objects.create(
        plan=plan, number=1, title="Dialogmøder", owner="KS", status="in_progress"
    )
    rules = [
        ("Sygefravær {last_year}", "orientation", 6, "", None),
        ("Budget {next_year}", "orientation", 9, "", None),
        ("Godkendelse af møderække for {next_year}", "approval", None, "last", None),
        ("Status på opfølgningsplanen", "orientation", 12, "", plan),
    ]
    for order, (title, purpose, month, position, action_plan) in enumerate(rules, start=1):
        RecurringItem.objects.create(
            committee=cso,
            title=title,
            purpose=purpose,
            month=month,
            position=position,
            order=order,
            action_plan=action_plan,
        )

    series = series_of(cso, 2026)
    march = Meeting.objects.create(series=series, date=MARCH, agenda_published_on=MARCH)
    item(march, 1, "Godkendelse af referat", purpose="approval", decision="Godkendt.")
    budget = item(march, 2, "Budget 2027", purpose="orientation", minutes_text="Drøftet.")
    Statement.objects.create(
        item=budget, order=1, speaker="Frede Falk", text="Frede Falk orienterede om budgettet."
    )
    closed = item(
        march, 3, CLOSED_TITLE, text=CLOSED_TEXT, closed=True, decision="Taget til efterretning."
    )
    add_attachment(closed, "sag.pdf", b"%PDF-1.4 personalesag", "application/pdf", sofie)
    item(march, 4, "Eventuelt", origin="any_other_business")
    freeze(march, paper_of(march, closed=True).to_dict(), "written_procedure", dt.date(2026, 3, 20))

    june = Meeting.objects.create(series=series, date=JUNE, start=dt.time(14), place="Rådhuset")
    item(june, 1, "Godkendelse af referat fra CSO-mødet den 5. marts 2026", purpose="approval")
    absence = item(
        june, 2, "Sygefravær 2025", purpose="orientation", minutes_text="CSO drøftede tallene."
    )
    Action.objects.create(
        item=absence, title="Analyse af langtidsfravær", owner="KS", due=dt.date(2026, 8, 1)
    )
    item(june, 3, "Eventuelt", origin="any_other_business")

    september = Meeting.objects.create(series=series, date=SEPTEMBER)
    december = Meeting.objects.create(series=series, date=DECEMBER)

    buf = Committee.objects.get(code="HMED-BUF")
    buf_may = Meeting.objects.create(series=series_of(buf, 2026), date=dt.date(2026, 5, 20))
    item(buf_may, 1, "Trivselsundersøgelsen", purpose="discussion", decision="Drøftet.")
    item(buf_may, 2, "Lukket sag i BUF", text="Fortroligt.", closed=True)
    freeze(buf_may, paper_of(buf_may, closed=True).to_dict(), "meeting", dt.date(2026, 5, 20))
    return Committees(
        world, sofie, frede, gitte, hugo, wanda, march, june, september, december, buf_may
    )
