"""Admin URLs of machine pre-translation, mounted under /admin/translations/machine/ by ``hooks.py``."""

from django.urls import path

from . import views

app_name = views.NAMESPACE

urlpatterns = [
    path("catalog/<int:pk>/", views.PreTranslateCatalogView.as_view(), name="pretranslate_catalog"),
    path("page/<int:page_id>/", views.PreTranslatePageView.as_view(), name="pretranslate_page"),
    path("runs/<uuid:run>/", views.ProgressView.as_view(), name="progress"),
]
