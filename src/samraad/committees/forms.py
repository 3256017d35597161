"""Forms for committees and their members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from samraad.committees.models import Committee, Member
from samraad.labels import choices
from samraad.org.models import Unit
from samraad.vocabulary import COMMITTEE_LEVEL, COMMITTEE_ROLE, SIDE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CODE = r"[\w-]{1,40}"
RESERVED_CODES = ("new",)  # /committees/new/ is the form


class CommitteeForm(forms.ModelForm):
    code = forms.RegexField(label=_("Code"), regex=CODE, help_text=_("e.g. CSO, HMED-BUF"))
    level = forms.ChoiceField(label=_("Level"), choices=choices(COMMITTEE_LEVEL))
    unit = forms.ModelChoiceField(
        label=_("Covers (unit)"), queryset=Unit.objects.all(), required=False
    )

    class Meta:
        model = Committee
        fields = ["code", "name", "level", "parent", "unit", "mandate"]
        labels = {"name": _("Name"), "parent": _("Under"), "mandate": _("Mandate")}
        widgets = {"mandate": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, fixed_parent: Committee | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fixed_parent = fixed_parent
        if self.instance.pk:
            self.fields["code"].disabled = True
        if fixed_parent is not None:  # a secretary's working group
            for name in ("level", "parent", "unit"):
                self.fields[name].disabled = True
                self.fields[name].required = False
            self.initial.update(level="working_group", parent=fixed_parent.code)

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if code.lower() in RESERVED_CODES:
            raise forms.ValidationError(_("This code is reserved."))
        if not self.instance.pk and Committee.objects.filter(code=code).exists():
            raise forms.ValidationError(_("A committee with this code exists."))
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.fixed_parent is not None:
            data.update(level="working_group", parent=self.fixed_parent, unit=None)
        if not data.get("unit") and not data.get("parent"):
            raise forms.ValidationError(_("A committee covers a unit or sits under a committee."))
        if data.get("parent") is not None and data["parent"].pk == self.instance.pk:
            raise forms.ValidationError(_("A committee cannot sit under itself."))
        return data

    def save(self, commit: bool = True) -> Committee:
        if self.fixed_parent is not None:
            self.instance.level, self.instance.parent, self.instance.unit = (
                "working_group",
                self.fixed_parent,
                None,
            )
        return super().save(commit)


class MemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    side = forms.ChoiceField(label=_("Side"), choices=choices(SIDE))
    role = forms.ChoiceField(label=_("Role"), choices=choices(COMMITTEE_ROLE), initial="member")
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=100,
        required=False,
        help_text=_("e.g. FOA, HK, DLF, ledelsen"),
    )
    valid_from = forms.DateField(label=_("From"), widget=DATE)
    valid_to = forms.DateField(label=_("To"), widget=DATE, required=False)
    username = forms.CharField(
        label=_("Login (user name)"),
        max_length=150,
        required=False,
        help_text=_("A member with a login reads the committee's papers and figures."),
    )

    def clean_username(self) -> Any:
        name = self.cleaned_data["username"].strip()
        if not name:
            return None
        user = get_user_model().objects.filter(username=name, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active user has this user name."))
        return user

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("valid_to")
            and data.get("valid_from")
            and data["valid_to"] < data["valid_from"]
        ):
            raise forms.ValidationError(_("The seat cannot end before it begins."))
        return data


class ChangeForm(forms.Form):
    """A seat that changes from a day: the old row ends the day before, a new one starts
    (members come and go without rewriting history)."""

    on = forms.DateField(label=_("From"), widget=DATE)
    end = forms.BooleanField(label=_("The seat ends (the day before)"), required=False)
    side = forms.ChoiceField(label=_("Side"), choices=choices(SIDE))
    role = forms.ChoiceField(label=_("Role"), choices=choices(COMMITTEE_ROLE))
    organisation = forms.CharField(label=_("Organisation"), max_length=100, required=False)


def member_initial(member: Member) -> dict[str, Any]:
    return {"side": member.side, "role": member.role, "organisation": member.organisation}
