"""A Babel extractor for Django templates, used by `make messages`.

Django's own template lexer (``templatize``) turns {% translate %}, {% blocktranslate %}
and {# Translators: #} comments into gettext calls and comments with the same line
numbers; Babel's Python extractor then reads those. Nothing is parsed by hand here.
"""

import io

from babel.messages.extract import extract_python
from django.conf import settings
from django.utils.translation.template import templatize


def extract_django(fileobj, keywords, comment_tags, options):
    if not settings.configured:
        settings.configure(USE_I18N=True)
    encoding = options.get("encoding", "utf-8")
    # Babel reads the result with Python's tokenizer, which rejects the odd indentation that
    # templatize leaves (a line starting with a gettext call); Django's own makemessages hands
    # it to xgettext, which does not mind. Each line keeps its number, without indentation.
    source = "\n".join(line.lstrip() for line in templatize(fileobj.read().decode(encoding)).splitlines())
    code = io.BytesIO(source.encode(encoding))
    yield from extract_python(code, keywords, comment_tags, {**options, "encoding": encoding})
