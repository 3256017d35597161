from django.urls import path, register_converter

from samraad.meetings.views import (
    approvals,
    committee,
    imports,
    items,
    meeting,
    notes,
    papers,
    plans,
    public,
    search,
)


class FileKind:
    """A paper's format in its address: agenda.pdf, minutes.docx."""

    regex = "pdf|docx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FileKind, "filekind")

app_name = "meetings"
urlpatterns = [
    path("committees/<str:code>/", committee.committee, name="committee"),
    path("committees/<str:code>/meetings/new/", committee.add_meeting, name="add_meeting"),
    path(
        "committees/<str:code>/series/<int:year>/approve/",
        committee.approve_series,
        name="approve_series",
    ),
    path("committees/<str:code>/cycle/", committee.annual_cycle, name="cycle"),
    path("committees/<str:code>/cycle/<int:pk>/delete/", committee.delete_rule, name="delete_rule"),
    path("committees/<str:code>/actions/", committee.actions, name="actions"),
    path("committees/<str:code>/actions/<int:pk>/", committee.action_status, name="action_status"),
    path("committees/<str:code>/notes/", notes.notes, name="notes"),
    path("committees/<str:code>/plans/", plans.plans, name="plans"),
    path("committees/<str:code>/import/", imports.upload, name="import"),
    path("meetings/<int:pk>/", meeting.meeting_page, name="meeting"),
    path("meetings/<int:pk>/edit/", meeting.edit_meeting, name="edit_meeting"),
    path("meetings/<int:pk>/build/", meeting.build, name="build"),
    path("meetings/<int:pk>/items/new/", meeting.new_item, name="new_item"),
    path("meetings/<int:pk>/publish/", meeting.publish, name="publish"),
    path("meetings/<int:pk>/agenda.<filekind:kind>", papers.agenda_file, name="agenda_file"),
    path("meetings/<int:pk>/minutes.<filekind:kind>", papers.minutes_file, name="minutes_file"),
    path("meetings/<int:pk>/procedure/", approvals.start, name="start_procedure"),
    path("meetings/<int:pk>/procedure/withdraw/", approvals.withdraw, name="withdraw"),
    path("meetings/<int:pk>/procedure/answer/", approvals.answer, name="answer"),
    path("meetings/<int:pk>/sign-off/", approvals.sign_off, name="sign_off"),
    path("items/<int:pk>/", items.item_page, name="item"),
    path("items/<int:pk>/agenda/", items.save_agenda_part, name="save_agenda"),
    path("items/<int:pk>/minutes/", items.save_minutes_part, name="save_minutes"),
    path("items/<int:pk>/statements/", items.new_statement, name="new_statement"),
    path("items/<int:pk>/actions/", items.new_action, name="new_action"),
    path("items/<int:pk>/attachments/", items.upload, name="upload"),
    path("items/<int:pk>/notes/", items.attach, name="attach_note"),
    path("items/<int:pk>/move/", items.move, name="move"),
    path("items/<int:pk>/delete/", items.delete, name="delete_item"),
    path("statements/<int:pk>/delete/", items.delete_statement, name="delete_statement"),
    path("attachments/<int:pk>/", items.attachment, name="attachment"),
    path("notes/<int:pk>/", notes.note, name="note"),
    path("notes/<int:pk>.<filekind:kind>", notes.note_file, name="note_file"),
    path("plans/<int:pk>/", plans.plan, name="plan"),
    path("plan-elements/<int:pk>/", plans.element, name="element"),
    path("search/", search.search_page, name="search"),
    path("public/", public.committees, name="public"),
    path("public/committees/<str:code>/", public.committee, name="public_committee"),
    path("public/meetings/<int:pk>/", public.minutes, name="public_minutes"),
    path("public/meetings/<int:pk>/minutes.pdf", public.minutes_pdf, name="public_minutes_pdf"),
]
