from django.urls import path

from samraad.accounts import views

app_name = "accounts"
urlpatterns = [
    path("accounts/token/", views.token, name="token"),
    path("accounts/roles/pending/", views.pending_roles, name="pending_roles"),
    path("accounts/roles/<int:assignment_id>/decide/", views.decide_role, name="decide_role"),
]
