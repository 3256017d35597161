"""The administrator's import: upload the interchange files, validated as `samraad import`
(the same `import_folder`, the same messages, nothing written on error)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samraad.accounts.models import Role
from samraad.accounts.permissions import require_role
from samraad.clock import today
from samraad.frames import cache

ALLOWED_SUFFIXES = (".csv", ".xlsx")
MAX_FILES = 12


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    uploads = MultipleFileField(
        label=gettext_lazy("Interchange files"),
        help_text=gettext_lazy(
            "units.csv, employees.csv, employments.csv, absences.csv, conversations.csv, "
            "targets.csv, managers.csv (or .xlsx with the same names)"
        ),
        widget=MultipleFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_uploads(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["uploads"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(n)d files at a time.") % {"n": MAX_FILES})
        for upload in files:
            name = Path(upload.name or "").name
            if not name.endswith(ALLOWED_SUFFIXES):
                raise forms.ValidationError(
                    _("%(name)s is not a .csv or .xlsx file.") % {"name": name}
                )
        return files


@dataclass(frozen=True)
class ImportPage:
    form: ImportForm
    summary: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run_import(files: list[UploadedFile]) -> tuple[list[str], list[str]]:
    """(summary lines, error lines) from the interchange import of the uploaded files."""
    from samraad.interchange.store import ImportRejected, import_folder

    with tempfile.TemporaryDirectory(prefix="samraad-upload-") as scratch:
        folder = Path(scratch)
        for upload in files:
            with (folder / Path(upload.name or "upload").name).open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
        try:
            summary = import_folder(folder)
        except ImportRejected as rejected:
            return [], rejected.lines()
    cache.invalidate()
    return str(summary).splitlines(), []


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    require_role(request.user, today(), Role.ADMINISTRATOR)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            summary, errors = run_import(form.cleaned_data["uploads"])
            page = ImportPage(ImportForm() if summary else form, summary, errors)
            return render(
                request, "interchange/import.html", {"page": page}, status=200 if summary else 400
            )
        return render(request, "interchange/import.html", {"page": ImportPage(form)}, status=400)
    return render(request, "interchange/import.html", {"page": ImportPage(ImportForm())})
