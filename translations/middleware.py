"""Turns a refused review or publish into a message the user can act on."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages

from .review_models import ReviewRefused


class ReviewRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ReviewRefused):
            return None
        messages.error(request, str(exception))
        match = getattr(request, "resolver_match", None)
        page_id = match.kwargs.get("page_id") if match else None
        target = reverse("wagtailadmin_pages:edit", args=[page_id]) if page_id else reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow action modal follows this to the page, where the message shows.
            return JsonResponse({"step": "success", "redirect": target})
        return redirect(target)
