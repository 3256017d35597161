from django.urls import path

from samraad.committees import views

app_name = "committees"
urlpatterns = [
    path("committees/", views.committees, name="list"),
    path("committees/new/", views.create, name="create"),
    path("committees/<str:code>/settings/", views.edit, name="edit"),
    path("committees/<str:code>/members/", views.members, name="members"),
    path("committees/<str:code>/members/<int:pk>/", views.change, name="change"),
]
