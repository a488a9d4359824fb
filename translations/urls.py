"""Admin URLs, mounted under /admin/translations/ by the register_admin_urls hook."""

from django.urls import path

from . import editor, review_admin, source_views, views

app_name = editor.NAMESPACE

urlpatterns = [
    path("", views.WorklistView.as_view(), name="worklist"),
    path("page/<int:page_id>/", source_views.OverviewView.as_view(), name="overview"),
    path("page/<int:page_id>/translate/", source_views.TranslateView.as_view(), name="translate"),
    path(
        "snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        source_views.OverviewView.as_view(),
        name="snippet_overview",
    ),
    path(
        "snippet/<slug:app_label>/<slug:model_name>/<str:pk>/translate/",
        source_views.TranslateView.as_view(),
        name="snippet_translate",
    ),
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
    path(
        "review/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        review_admin.ReviewActionView.as_view(),
        name="review_action",
    ),
]
