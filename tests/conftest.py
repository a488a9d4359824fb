import io

import pytest
from django.core.management import call_command


def run_command(*args, **options):
    """Run a management command; return what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out, **options)
    return out.getvalue()


@pytest.fixture
def demo(db):
    """The demo site as `make demo` loads it; returns what load_demo printed."""
    return run_command("load_demo", "--force")


@pytest.fixture
def home(demo):
    from cms.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def article(demo):
    from cms.models import ArticlePage

    return ArticlePage.objects.get(slug="esketamine-and-ketamine-for-depression", locale__language_code="en")
