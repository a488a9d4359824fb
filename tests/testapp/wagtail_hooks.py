from wagtail.snippets.models import register_snippet

from .models import Announcement, Notice, Person

register_snippet(Announcement)
register_snippet(Notice)
register_snippet(Person)
