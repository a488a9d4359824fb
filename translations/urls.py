"""Admin URLs, mounted under /admin/translations/ by the register_admin_urls hook."""

from django.urls import path

from . import editor, views

app_name = editor.NAMESPACE

urlpatterns = [
    path("", views.WorklistView.as_view(), name="worklist"),
    path("page/<int:page_id>/", views.OverviewView.as_view(), name="overview"),
    path("page/<int:page_id>/translate/", views.TranslateView.as_view(), name="translate"),
    path("catalog/<int:pk>/", views.EditorView.as_view(), name="editor"),
    path("catalog/<int:pk>/segments/<int:segment_id>/", views.SaveSegmentView.as_view(), name="save_segment"),
    path("catalog/<int:pk>/segments/<int:segment_id>/check/", views.CheckSegmentView.as_view(), name="check_segment"),
    path(
        "catalog/<int:pk>/segments/<int:segment_id>/suggestions/",
        views.SuggestionsView.as_view(),
        name="segment_suggestions",
    ),
    path("catalog/<int:pk>/download/", views.DownloadPOView.as_view(), name="download"),
    path("catalog/<int:pk>/upload/", views.UploadPOView.as_view(), name="upload"),
    path("catalog/<int:pk>/build/", views.BuildDraftView.as_view(), name="build"),
    path("catalog/<int:pk>/submit/", views.SubmitTranslationView.as_view(), name="submit"),
]
