from django.urls import path

from samraad.interchange import views

app_name = "interchange"
urlpatterns = [path("import/", views.upload, name="import")]
