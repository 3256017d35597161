"""Search over the committees' work: agendas, minutes (statements, decisions, actions),
attachments' text and notes, in Danish, for the seats that may read them.

The index (`SearchDocument`, one row per searchable text) is kept in step as the work
is saved: the models' signals (connected in the app's `ready()`), and explicit calls
where rows are written in bulk (building an agenda, storing an imported meeting).
`samraad meetings reindex` rebuilds it.

Who finds what: a seat finds its own committee's texts whose level it reaches
(`SearchDocument.level`): a guest (0) open items of sent-out agendas, approved minutes
and notes; a member, chair or vice-chair (1) closed items and draft minutes as well;
the secretary (2) also agendas not sent out yet. Nobody finds another committee's texts,
and there is no search without a seat.

The words are Danish on both databases: PostgreSQL's `danish` configuration
(`websearch_to_tsquery`, a generated `tsvector` column with a GIN index, `ts_headline`);
on SQLite an FTS5 table over the stems made by `meetings/searchtext.py`.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.db import connection, transaction
from django.db.models import Prefetch

from samraad.accounts.permissions import Scope
from samraad.meetings import searchtext
from samraad.meetings.access import PREPARES, SEES_CLOSED
from samraad.meetings.content import latest_attachments
from samraad.meetings.models import (
    AgendaItem,
    Attachment,
    Meeting,
    Note,
    SearchDocument,
)
from samraad.meetings.notes import note_paper
from samraad.vocabulary import MinutesStatus

GUEST, MEMBER, SECRETARY = 0, 1, 2
TEXT_SUFFIXES = (".pdf", ".docx", ".txt", ".csv", ".md")
MAX_TEXT = 500_000  # characters of an attachment's text indexed
LIMIT = 200  # texts ranked per search: the best ones, grouped per item
PAGE = 20  # results (items and notes) per page
REBUILD = "INSERT INTO meetings_search_fts(meetings_search_fts) VALUES ('rebuild')"

_paused: contextvars.ContextVar[bool] = contextvars.ContextVar("search_paused", default=False)


# --------------------------------------------------------------------------------------
# Keeping the index


def attachment_text(name: str, content: bytes) -> str:
    """The text of a PDF (text layer), Word (.docx) or text file; "" for anything else
    and for a file that cannot be read (the import's readers, samraad.minutes)."""
    from samraad.minutes import MinutesError
    from samraad.minutes.source import decode

    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES or not content:
        return ""
    try:
        source = decode(bytes(content), name, suffix)
    except (MinutesError, ValueError, KeyError, TypeError, OSError, AttributeError):
        return ""
    text = "\n\n".join("\n".join(page) for page in source.pages)
    return searchtext.clean(text)[:MAX_TEXT]


def _terms(text: str) -> str:
    return searchtext.index_text(text) if connection.vendor == "sqlite" else ""


def _document(**fields: object) -> SearchDocument:
    doc = SearchDocument(**fields)
    doc.title = searchtext.clean(doc.title)[:600]
    doc.body = searchtext.clean(doc.body)
    doc.year = doc.date.year
    doc.title_terms, doc.body_terms = _terms(doc.title), _terms(doc.body)
    return doc


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _item_documents(
    meeting: Meeting, item: AgendaItem, has_version: bool, known: dict[str, SearchDocument]
) -> list[SearchDocument]:
    agenda_draft = meeting.agenda_published_on is None and not has_version
    minutes_draft = meeting.minutes_status != MinutesStatus.APPROVED
    closed = MEMBER if item.closed else GUEST
    common = {
        "committee_id": meeting.committee_id,
        "meeting": meeting,
        "item": item,
        "date": meeting.date,
        "closed": item.closed,
        "title": f"{item.number}. {item.title}",
    }
    docs = [
        _document(
            key=f"agenda:{item.pk}",
            kind="agenda",
            level=max(closed, SECRETARY if agenda_draft else GUEST),
            draft=agenda_draft,
            body=_paragraphs(item.text, item.recommendation, item.presenters),
            **common,
        )
    ]
    statements = [f"{s.speaker}: {s.text}" for s in item.statements.all()]
    actions = [" ".join(filter(None, (a.title, a.owner))) for a in item.actions.all()]
    minutes = _paragraphs(item.minutes_text, *statements, item.decision, *actions)
    if minutes:
        docs.append(
            _document(
                key=f"minutes:{item.pk}",
                kind="minutes",
                level=max(closed, MEMBER if minutes_draft else GUEST),
                draft=minutes_draft,
                body=minutes,
                **common,
            )
        )
    for attachment in latest_attachments(item):
        key = f"attachment:{attachment.pk}"
        # An attachment's bytes never change (a new upload is a new version): its text
        # is read once.
        body = known[key].body if key in known else _read(attachment)
        docs.append(
            _document(
                key=key,
                kind="attachment",
                level=max(closed, SECRETARY if agenda_draft else GUEST),
                draft=agenda_draft,
                attachment=attachment,
                body=body,
                **{**common, "title": attachment.name},
            )
        )
    return docs


def _read(attachment: Attachment) -> str:
    content = Attachment.objects.filter(pk=attachment.pk).values_list("content", flat=True)
    return attachment_text(attachment.name, bytes(content[0])) if content else ""


def _note_document(note: Note) -> SearchDocument:
    paper = note_paper(note)
    return _document(
        key=f"note:{note.pk}",
        kind="note",
        committee_id=note.committee_id,
        note=note,
        date=note.date,
        level=GUEST,
        title=note.title,
        body=_paragraphs(
            paper.recipient,
            paper.summary,
            paper.recommendation,
            paper.presentation,
            paper.finances,
            paper.next_steps,
            paper.attachments,
            *paper.sender,
            " ".join((note.case_number_f2, note.document_number_f2, note.case_number_edoc)),
        ),
    )


COMPARED = (
    *("committee_id", "meeting_id", "item_id", "attachment_id", "note_id", "date", "year"),
    *("level", "closed", "draft", "title", "body", "kind"),
)


def _sync(existing: Iterable[SearchDocument], wanted: list[SearchDocument]) -> None:
    """The index's rows for one part of the work made what `wanted` says."""
    have = {doc.key: doc for doc in existing}
    want = {doc.key: doc for doc in wanted}
    stale = [doc.pk for key, doc in have.items() if key not in want]
    if stale:
        SearchDocument.objects.filter(pk__in=stale).delete()
    new = [doc for key, doc in want.items() if key not in have]
    changed = []
    for key, doc in want.items():
        old = have.get(key)
        if old is not None and any(getattr(old, f) != getattr(doc, f) for f in COMPARED):
            doc.pk = old.pk
            changed.append(doc)
    SearchDocument.objects.bulk_create(new)
    fields = [*COMPARED, "title_terms", "body_terms"]
    for doc in changed:  # few at a time: one update each keeps the FTS triggers simple
        doc.save(update_fields=fields)


def _items(meeting: Meeting, item: AgendaItem | None = None) -> list[AgendaItem]:
    items = AgendaItem.objects.filter(meeting=meeting)
    if item is not None:
        items = items.filter(pk=item.pk)
    return list(
        items.prefetch_related(
            "statements",
            "actions",
            Prefetch("attachments", queryset=Attachment.objects.defer("content")),
        )
    )


@transaction.atomic
def index_meeting(meeting: Meeting, item: AgendaItem | None = None) -> None:
    """The meeting's texts (or one item's) in the index as they are now."""
    meeting = Meeting.objects.select_related("series").get(pk=meeting.pk)
    existing = SearchDocument.objects.filter(meeting=meeting)
    if item is not None:
        existing = existing.filter(item=item)
    existing_list = list(existing)
    known = {doc.key: doc for doc in existing_list}
    has_version = meeting.versions.exists()
    wanted = [
        doc
        for found in _items(meeting, item)
        for doc in _item_documents(meeting, found, has_version, known)
    ]
    _sync(existing_list, wanted)


@transaction.atomic
def index_note(note: Note) -> None:
    _sync(SearchDocument.objects.filter(note=note), [_note_document(note)])


def reindex(committee: str | None = None) -> int:
    """Rebuild the index (one committee's part, or all of it): every text read again,
    attachments too. The number of texts indexed."""
    meetings = Meeting.objects.select_related("series").order_by("pk")
    notes = Note.objects.order_by("pk")
    old = SearchDocument.objects.all()
    if committee is not None:
        meetings = meetings.filter(series__committee_id=committee)
        notes = notes.filter(committee_id=committee)
        old = old.filter(committee_id=committee)
    with transaction.atomic():
        old.delete()
        if committee is None and connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO meetings_search_fts(meetings_search_fts) VALUES('rebuild')"
                )
        for meeting in meetings:
            index_meeting(meeting)
        for note in notes:
            index_note(note)
    documents = SearchDocument.objects.all()
    if committee is not None:
        documents = documents.filter(committee_id=committee)
    return documents.count()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Saves leave the index alone (a bulk load that reindexes when it is done)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def meeting_changed(meeting: Meeting, item: AgendaItem | None = None) -> None:
    """Called when the meeting (or one of its items) was saved."""
    if not _paused.get():
        index_meeting(meeting, item)


def note_changed(note: Note) -> None:
    if not _paused.get():
        index_note(note)


# --------------------------------------------------------------------------------------
# Searching


@dataclass(frozen=True)
class Audience:
    """A committee and the level its seat reaches."""

    committee: str
    level: int


def audiences(scope: Scope) -> list[Audience]:
    """What the user's seats on the day let them find: nothing without a seat."""
    return [
        Audience(
            seat.committee,
            SECRETARY if seat.role in PREPARES else MEMBER if seat.role in SEES_CLOSED else GUEST,
        )
        for seat in scope.seats
    ]


@dataclass
class Part:
    """One text of a result: its kind, the snippet (safe HTML) and, for an attachment,
    its name and download address."""

    kind: str
    doc_id: int
    attachment_id: int | None
    name: str
    snippet: str = ""
    draft: bool = False


@dataclass
class Result:
    """An item (its agenda, minutes and attachments that matched) or a note."""

    committee_id: str
    date: dt.date
    kind: str  # "item" or "note"
    target_id: int  # the item's or the note's
    meeting_id: int | None
    title: str  # plain; `title_html` is marked after highlighting
    closed: bool
    score: float
    parts: list[Part] = field(default_factory=list)
    title_html: str = ""
    committee_name: str = ""


@dataclass(frozen=True)
class Found:
    results: list[Result]
    capped: bool  # more texts matched than were ranked (LIMIT)


def _where(found: list[Audience], committee: str | None, year: int | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for audience in found:
        if committee is None or audience.committee == committee:
            clauses.append("(d.committee_id = %s AND d.level <= %s)")
            params += [audience.committee, audience.level]
    sql = "(" + " OR ".join(clauses) + ")"
    if year is not None:
        sql += " AND d.year = %s"
        params.append(year)
    return sql, params


COLUMNS = "d.id, d.kind, d.committee_id, d.date, d.level, d.item_id, d.meeting_id, d.note_id"
COLUMNS += ", d.attachment_id, d.closed, d.draft, d.title"


def _ranked(
    text: str, query: searchtext.Query, codes: list[str], where: str, params: list[Any]
) -> list[tuple[Any, ...]]:
    """The best texts: (score, and the COLUMNS), best first, then newest."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT ts_rank(d.vector, q) AS score, {COLUMNS}"
                " FROM meetings_searchdocument d, websearch_to_tsquery('danish', %s) q"
                f" WHERE d.vector @@ q AND {where}"
                " ORDER BY score DESC, d.date DESC, d.id LIMIT %s",
                [text, *params, LIMIT + 1],
            )
        else:
            # bm25 is lower for a better match; a title's words count three times.
            match = (
                f"{{title_terms body_terms}} : ({searchtext.fts5_query(query)})"
                f" AND {searchtext.fts5_committees(codes)}"
            )
            cursor.execute(
                f"SELECT -bm25(meetings_search_fts, 3.0, 1.0, 0.0) AS score, {COLUMNS}"
                " FROM meetings_search_fts JOIN meetings_searchdocument d"
                " ON d.id = meetings_search_fts.rowid"
                f" WHERE meetings_search_fts MATCH %s AND {where}"
                " ORDER BY score DESC, d.date DESC, d.id LIMIT %s",
                [match, *params, LIMIT + 1],
            )
        return cursor.fetchall()


def find(
    text: str,
    found: list[Audience],
    *,
    committee: str | None = None,
    year: int | None = None,
    by_date: bool = False,
) -> Found:
    """The items and notes whose texts match, best first (then newest), or newest first
    with `by_date`; without highlights (`highlight` adds them to a page of results)."""
    query = searchtext.parse_query(text)
    codes = [a.committee for a in found if committee in (None, a.committee)]
    if query.empty or not codes:
        return Found([], False)
    where, params = _where(found, committee, year)
    ranked = _ranked(text, query, codes, where, params)
    capped = len(ranked) > LIMIT
    results: dict[tuple[str, int], Result] = {}
    for row in ranked[:LIMIT]:
        score, doc_id, kind, committee_id, date, _level, item_id, meeting_id, note_id = row[:9]
        attachment_id, closed, draft, title = row[9:]
        key = ("note", note_id) if note_id else ("item", item_id)
        result = results.get(key)
        if result is None:
            result = Result(
                committee_id=committee_id,
                date=date if isinstance(date, dt.date) else dt.date.fromisoformat(date),
                kind=key[0],
                target_id=key[1],
                meeting_id=meeting_id,
                title=title if kind != "attachment" else "",
                closed=bool(closed),
                score=float(score),
            )
            results[key] = result
        if not result.title and kind != "attachment":
            result.title = title
        name = title if kind == "attachment" else ""
        result.parts.append(Part(kind, doc_id, attachment_id, name, draft=bool(draft)))
    ordered = list(results.values())
    if by_date:
        ordered.sort(key=lambda r: (r.date, r.score), reverse=True)
    _titles(ordered)
    return Found(ordered, capped)


def _titles(results: list[Result]) -> None:
    """An item found by an attachment alone takes its title from the item."""
    missing = {r.target_id: r for r in results if not r.title and r.kind == "item"}
    for item in AgendaItem.objects.filter(pk__in=missing).only("pk", "number", "title"):
        missing[item.pk].title = f"{item.number}. {item.title}"


def highlight(text: str, results: list[Result]) -> None:
    """Each result's title and parts with the words found in <mark> (safe HTML)."""
    query = searchtext.parse_query(text)
    ids = [part.doc_id for r in results for part in r.parts]
    marked: dict[int, tuple[str, str]] = {}
    if connection.vendor == "postgresql":
        marks = f"StartSel={searchtext.START}, StopSel={searchtext.STOP}"
        options = f'{marks}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "'
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, ts_headline('danish', d.title, q, %s),"
                " ts_headline('danish', d.body, q, %s)"
                " FROM meetings_searchdocument d, websearch_to_tsquery('danish', %s) q"
                " WHERE d.id = ANY(%s)",
                [f"HighlightAll=true, {marks}", options, text, ids],
            )
            marked = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
    else:
        stems = query.stems()
        for doc_id, title, body in SearchDocument.objects.filter(pk__in=ids).values_list(
            "id", "title", "body"
        ):
            marked[doc_id] = (searchtext.mark_all(title, stems), searchtext.snippet(body, stems))
    for result in results:
        for part in result.parts:
            title, body = marked.get(part.doc_id, ("", ""))
            part.snippet = searchtext.to_html(" ".join(body.split()))
            if part.kind == "attachment":
                part.name = searchtext.to_html(title)
            elif not result.title_html:
                result.title_html = searchtext.to_html(title)
        if not result.title_html:
            stems = query.stems()
            result.title_html = searchtext.to_html(searchtext.mark_all(result.title, stems))


def years(found: list[Audience]) -> list[int]:
    """The years the user's committees have texts in, newest first (the year filter)."""
    codes = [a.committee for a in found]
    return sorted(
        set(
            SearchDocument.objects.filter(committee_id__in=codes)
            .values_list("year", flat=True)
            .distinct()
        ),
        reverse=True,
    )
