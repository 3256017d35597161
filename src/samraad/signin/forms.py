"""The login page's form: says so when the user name or address is locked."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext

from samraad.signin import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        lock = throttle.lock_for(username, throttle.client_ip(self.request))
        if lock is not None:
            until = f"{timezone.localtime(lock.until):%H.%M}"
            message = gettext("Too many failed sign-ins. Try again after %(time)s.")
            raise forms.ValidationError(message % {"time": until}, code="locked")
        return super().clean()
