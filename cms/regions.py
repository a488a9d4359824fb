"""Emergency and crisis numbers per region, and the countries each region serves.

Numbers belong to where the reader is, not to the language they read: a Polish speaker
in the UK needs 999 and 111. Every number carries the official page it was checked on
and the day; change a number or its note only after checking that page again, and only
add a number whose operator's own page states it (and its hours).

Checked and left out for now, because only news reports state them, not the operators'
own pages: Poland's 116 123 (adults in emotional crisis, run by the Niebieska Linia of
the Instytut Psychologii Zdrowia) and 800 70 2222 (a 24-hour crisis line whose operator's
contract ended in 2020, per those reports); Mexico's Línea de la Vida 800 911 2000
(CONASAMA). Add them with their operators' pages once checked.
"""

import datetime

from django.db import transaction
from wagtail.models import Locale

from .region_models import Region, RegionNumber

# Numbers the team checked before sources were recorded per number.
EARLIER_CHECK = datetime.date(2026, 11, 27)
CHECKED = datetime.date(2026, 11, 29)
POLICJA_112 = (
    "https://www.policja.pl/pol/kgp/glowny-sztab-policji/49022,"
    "Numer-112-jest-jednolitym-numerem-alarmowym-obowiazujacym-na-terenie-calej-UE.html"
)
GOB_MX_911 = (
    "https://www.gob.mx/segob/prensa/"
    "conferencia-de-prensa-del-secretario-ejecutivo-del-sistema-nacional-de-seguridad-publica-alvaro-vizcaino-zamora"
)

E, U, C = RegionNumber.EMERGENCY, RegionNumber.URGENT, RegionNumber.CRISIS

# code: (name, [(kind, number, service, note, source, verified on)])
REGIONS = {
    "uk": (
        "United Kingdom",
        [
            (E, "999", "Emergency services", "Ambulance, fire or police", "", EARLIER_CHECK),
            (U, "111", "NHS 111", "Day or night. The mental health option is in England only.", "", EARLIER_CHECK),
            (C, "116 123", "Samaritans", "Free, day or night", "", EARLIER_CHECK),
        ],
    ),
    "us": (
        "United States",
        [
            (E, "911", "Emergency services", "Ambulance, fire or police", "", EARLIER_CHECK),
            (C, "988", "988 Suicide & Crisis Lifeline", "Call or text", "", EARLIER_CHECK),
        ],
    ),
    "eu": (
        "European Union",
        [(E, "112", "European emergency number", "Works in every EU country", "", EARLIER_CHECK)],
    ),
    "es": (
        "Spain",
        [
            (E, "112", "Emergency services", "Ambulance, fire or police", "", EARLIER_CHECK),
            (C, "024", "Línea 024", "Suicidal thoughts; free, day or night", "", EARLIER_CHECK),
        ],
    ),
    "pl": (
        "Poland",
        [(E, "112", "Emergency services", "Day or night, from a landline or a mobile", POLICJA_112, CHECKED)],
    ),
    "mx": (
        "Mexico",
        [(E, "911", "Emergency services", "Free; medical emergencies, police, fire", GOB_MX_911, CHECKED)],
    ),
}


# Countries served by each region, as ISO 3166 codes (as a CDN's country header names them).
# 112 works in every EU country, so
# readers in an EU country without a region of its own get the EU numbers; a country not
# listed here gets no numbers at all ("call your local emergency number").
EU_COUNTRIES = "at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pt ro sk si se".split()
COUNTRY_REGIONS = {
    "gb": "uk",
    "uk": "uk",
    "us": "us",
    "es": "es",
    "pl": "pl",
    "mx": "mx",
    **dict.fromkeys(EU_COUNTRIES, "eu"),
}


def country_region(country):
    """The region code for a country code (``GB``, ``mx``), or "" if no region serves it."""
    return COUNTRY_REGIONS.get((country or "").strip().lower()[:2], "")


@transaction.atomic
def load_regions(notes=None):
    """Create or update every source region above, live; numbers are replaced as a whole.

    A region someone saved in the admin (a revision with an author) is left as it is, and
    said so in ``notes``. Returns the regions whose numbers changed (their translations follow).
    """
    english = Locale.get_default()
    changed = []
    for code, (name, numbers) in REGIONS.items():
        region = Region.objects.filter(code=code, locale=english).first() or Region(code=code, locale=english)
        latest = region.latest_revision if region.pk else None
        if latest is not None and latest.user_id is not None:
            if notes is not None:
                notes.append(f"Region “{region}” was changed in the admin by {latest.user}; left as it is.")
            continue
        if region.pk is None:
            region.name, region.last_verified = name, min(number[5] for number in numbers)
            region.save()
        wanted = [
            RegionNumber(
                sort_order=i, kind=kind, number=number, service=service, note=note, source_url=url, verified_on=on
            )
            for i, (kind, number, service, note, url, on) in enumerate(numbers)
        ]
        if region.pk and region.live and not region.has_unpublished_changes and _same(region, name, wanted):
            continue
        region.name = name
        region.last_verified = min(number.verified_on for number in wanted)
        region.numbers = wanted
        region.save_revision().publish()
        changed.append(region)
    return changed


def _same(region, name, wanted):
    fields = ("kind", "number", "service", "note", "source_url", "verified_on")
    current = [tuple(getattr(number, f) for f in fields) for number in region.numbers.all()]
    return region.name == name and current == [tuple(getattr(number, f) for f in fields) for number in wanted]


def all_phone_numbers():
    """Every number of every region: a translation may name these although its source does not.

    The translations plugin reads this through ``CARELINGUA_QA["PHONE_NUMBERS"]``.
    """
    return list(RegionNumber.objects.values_list("number", flat=True).distinct())
