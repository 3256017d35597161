from django.urls import path

from samraad.signin import views

app_name = "signin"
urlpatterns = [
    path("accounts/oidc/login/", views.start, name="start"),
    path("accounts/oidc/callback/", views.callback, name="callback"),
]
