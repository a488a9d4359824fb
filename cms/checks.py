"""System checks of the site's own settings."""

import re

from django.conf import settings
from django.core import checks

HEADER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")


def check_region_settings(app_configs=None, **kwargs):
    """``CMS_REGION_COUNTRY_HEADER`` must be an HTTP header name, as a CDN sends it."""
    header = getattr(settings, "CMS_REGION_COUNTRY_HEADER", "")
    if header and not HEADER_NAME.match(header):
        return [
            checks.Error(
                f"CMS_REGION_COUNTRY_HEADER is {header!r}, which is not an HTTP header name.",
                hint="Name the header your CDN adds, for example CF-IPCountry or CloudFront-Viewer-Country.",
                id="cms.E001",
            )
        ]
    return []
