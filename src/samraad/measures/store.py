"""Writing the measures (a year's set per administration, started from last year's) and
attaching the yearly sickness item's two attachments as new versions with their SHA-256
(meetings.attachments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction

from samraad.documents import Document, to_docx, to_pdf
from samraad.measures.compilation import MeasureSection, MeasureText, measures_document
from samraad.measures.models import Measure, MeasureSet
from samraad.measures.report import report_document
from samraad.measures.statistics import sickness_report
from samraad.meetings.attachments import add_attachment
from samraad.meetings.models import AgendaItem, Attachment
from samraad.org.tree import tree_on

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class NothingToCopy(Exception):
    """No measures last year to start from."""


@transaction.atomic
def copy_last_year(unit_id: str, year: int, user: User | None) -> MeasureSet:
    """This year's set as a copy of last year's (opening text and every measure); the
    set must not exist yet."""
    previous = MeasureSet.objects.filter(unit_id=unit_id, year=year - 1).first()
    if previous is None:
        raise NothingToCopy(f"{unit_id} {year - 1}")
    copy = MeasureSet.objects.create(
        unit_id=unit_id, year=year, intro=previous.intro, copied_from=previous, updated_by=user
    )
    Measure.objects.bulk_create(
        Measure(measure_set=copy, order=m.order, section=m.section, title=m.title, text=m.text)
        for m in previous.measures.all()
    )
    return copy


@transaction.atomic
def save_measures(
    measure_set: MeasureSet, intro: str, rows: Sequence[MeasureText], user: User | None
) -> None:
    """The set's opening text and measures as given, in order (the old ones replaced)."""
    measure_set.intro = intro
    measure_set.updated_by = user
    measure_set.save()
    measure_set.measures.all().delete()
    Measure.objects.bulk_create(
        Measure(measure_set=measure_set, order=n, section=r.section, title=r.title, text=r.text)
        for n, r in enumerate(rows, start=1)
    )


def section_of(measure_set: MeasureSet, name: str) -> MeasureSection:
    return MeasureSection(
        name,
        measure_set.intro,
        tuple(MeasureText(m.title, m.text, m.section) for m in measure_set.measures.all()),
    )


def compiled_document(year: int, today: dt.date) -> Document:
    """Every administration of today's tree (the municipality's common measures first),
    with its measures for the year; an administration without any says so."""
    tree = tree_on(today)
    sets = {s.unit_id: s for s in MeasureSet.objects.filter(year=year).prefetch_related("measures")}
    root = tree.roots()[0]
    common = sets.get(root)
    sections = [
        section_of(sets[unit], tree.name(unit))
        if unit in sets
        else MeasureSection(tree.name(unit), "", ())
        for unit in tree.children_of(root)
    ]
    day = today if today.year == year else dt.date(year, 12, 31)
    return measures_document(
        tree.name(root), section_of(common, "") if common else None, sections, day
    )


def _attach_both(
    item: AgendaItem, name: str, document: Document, user: User | None
) -> list[Attachment]:
    return [
        add_attachment(item, f"{name}.pdf", to_pdf(document), PDF, user),
        add_attachment(item, f"{name}.docx", to_docx(document), DOCX, user),
    ]


def attach_statistics(item: AgendaItem, today: dt.date, user: User | None) -> list[Attachment]:
    """The committee's sickness figures of today, as PDF and Word: new versions of
    "Bilag 1 - Sygefravær …" each time."""
    committee = item.meeting.series.committee
    document = report_document(sickness_report(committee, today))
    name = f"Bilag 1 - Sygefravær {committee.code} {item.meeting.date.year}"
    return _attach_both(item, name, document, user)


def attach_measures(item: AgendaItem, today: dt.date, user: User | None) -> list[Attachment]:
    """The administrations' measures of the meeting's year as "Bilag 2", PDF and Word."""
    year = item.meeting.date.year
    name = f"Bilag 2 - Forvaltningernes tiltag {year}"
    return _attach_both(item, name, compiled_document(year, today), user)
