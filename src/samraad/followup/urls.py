from django.urls import path

from samraad.followup import long_absences, views

app_name = "followup"
urlpatterns = [
    path("alerts/", views.alerts, name="alerts"),
    path("alerts.csv", views.alerts_csv, name="alerts_csv"),
    path("alerts.xlsx", views.alerts_xlsx, name="alerts_xlsx"),
    path("alerts/<int:alert_id>/", views.alert, name="alert"),
    # The link in the mails (docs/rules.md): the same page.
    path("alerts/<int:alert_id>/conversation/", views.alert, name="conversation"),
    path("units/<str:unit_id>/longest/", long_absences.longest_absences, name="longest"),
]
