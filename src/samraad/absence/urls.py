from django.urls import path

from samraad.absence import conversation, views

app_name = "absence"
urlpatterns = [
    path("units/<str:unit_id>/", views.unit, name="unit"),
    path("units/<str:unit_id>/employees/", views.employees, name="employees"),
    path("units/<str:unit_id>/employees.csv", views.employees_csv, name="employees_csv"),
    path("employees/<str:employee_id>/", views.person, name="person"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:alert_id>/conversation/", conversation.conversation, name="conversation"),
]
