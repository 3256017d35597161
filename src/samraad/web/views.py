"""Sign-in and sign-out."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views

from samraad.signin import oidc
from samraad.signin.forms import ThrottledAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True
    authentication_form = ThrottledAuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from django.conf import settings

        context = super().get_context_data(**kwargs)
        context["oidc"] = oidc.enabled()
        context["password_login"] = settings.SAMRAAD_PASSWORD_LOGIN
        return context


class LogoutView(auth_views.LogoutView):
    pass
