from django.urls import path

from samraad.org import views

app_name = "org"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("org/", views.tree, name="tree"),
    path("org/<str:unit_id>/children/", views.children, name="children"),
]
