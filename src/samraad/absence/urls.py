from django.urls import path

from samraad.absence import overview, views

app_name = "absence"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("org/", overview.tree, name="tree"),
    path("org/<str:unit_id>/children/", overview.children, name="children"),
    path("units/<str:unit_id>/", views.unit, name="unit"),
    path("units/<str:unit_id>/periods/", views.unit_periods, name="unit_periods"),
    path("units/<str:unit_id>/figures.csv", views.figures_csv, name="figures_csv"),
    path("units/<str:unit_id>/figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("units/<str:unit_id>/employees/", views.employees, name="employees"),
    path("units/<str:unit_id>/employees.csv", views.employees_csv, name="employees_csv"),
    path("units/<str:unit_id>/employees.xlsx", views.employees_xlsx, name="employees_xlsx"),
    path("employees/<str:employee_id>/", views.person, name="person"),
]
