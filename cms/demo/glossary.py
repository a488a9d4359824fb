"""The demo glossary: approved and forbidden renderings per language, in the CSV format the
glossary import reads (cms/demo/glossary.csv), brought in through that same import.

Each term a reviewer corrected in the demo translations has an entry, so that the QA checks
catch the old rendering if it comes back (a forbidden rendering is an error, a missing
approved one a warning).
"""

from pathlib import Path

from django.core.exceptions import ValidationError

from translations.glossary import import_csv

GLOSSARY_CSV = Path(__file__).resolve().with_name("glossary.csv")


def load_glossary():
    """Create or update the demo terms; the glossary's other terms are left alone."""
    report = import_csv(GLOSSARY_CSV.read_bytes())
    if not report.ok:
        raise ValidationError(f"{GLOSSARY_CSV.name}: {' '.join(report.errors)}")
    return report
