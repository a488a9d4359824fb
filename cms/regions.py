"""Emergency and crisis numbers per region.

Numbers belong to where the reader is, not to the language they read: a Polish speaker
in the UK needs 999 and 111. `VERIFIED_ON` is the day the team last checked every number
below against the services' own published information; change it only after checking
again.
"""

import datetime

from .models import Region, RegionNumber

VERIFIED_ON = datetime.date(2026, 11, 27)

REGIONS = {
    "uk": {
        "name": "United Kingdom",
        "numbers": [
            (RegionNumber.EMERGENCY, "999", "Emergency services", "Ambulance, fire or police"),
            (RegionNumber.URGENT, "111", "NHS 111", "Day or night; choose the mental health option"),
            (RegionNumber.CRISIS, "116 123", "Samaritans", "Free, day or night"),
        ],
    },
    "us": {
        "name": "United States",
        "numbers": [
            (RegionNumber.EMERGENCY, "911", "Emergency services", "Ambulance, fire or police"),
            (RegionNumber.CRISIS, "988", "988 Suicide & Crisis Lifeline", "Call or text"),
        ],
    },
    "eu": {
        "name": "European Union",
        "numbers": [
            (RegionNumber.EMERGENCY, "112", "European emergency number", "Works in every EU country"),
        ],
    },
    "es": {
        "name": "Spain",
        "numbers": [
            (RegionNumber.EMERGENCY, "112", "Emergencias", "Ambulance, fire or police"),
            (RegionNumber.CRISIS, "024", "Línea 024", "Suicidal thoughts; free, day or night"),
        ],
    },
}


# Countries whose readers get a region's numbers when they have not chosen one, read from
# the region subtags of their browser's languages (en-GB, es-ES, pl-PL ...). 112 works in
# every EU country, so EU readers without a region of their own get the EU numbers.
EU_COUNTRIES = "at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si se".split()
COUNTRY_REGIONS = {"gb": "uk", "uk": "uk", "us": "us", "es": "es", **dict.fromkeys(EU_COUNTRIES, "eu")}


def region_from_accept_language(header):
    """The region code the reader's browser languages point to, or "" if none does."""
    from django.utils.translation.trans_real import parse_accept_lang_header

    for language, _quality in parse_accept_lang_header(header[:500] if header else ""):
        country = language.partition("-")[2].lower()[:2]
        if country in COUNTRY_REGIONS:
            return COUNTRY_REGIONS[country]
    return ""


def load_regions(verified_on=VERIFIED_ON):
    """Create or update every region above; numbers are replaced as a whole."""
    for code, data in REGIONS.items():
        region, _created = Region.objects.update_or_create(
            code=code, defaults={"name": data["name"], "last_verified": verified_on}
        )
        region.numbers.all().delete()
        RegionNumber.objects.bulk_create(
            RegionNumber(region=region, sort_order=i, kind=kind, number=number, service=service, note=note)
            for i, (kind, number, service, note) in enumerate(data["numbers"])
        )


def all_phone_numbers():
    """Every number of every region: a translation may name these although its source does not.

    The translations plugin reads this through ``CARELINGUA_QA["PHONE_NUMBERS"]``.
    """
    return list(RegionNumber.objects.values_list("number", flat=True).distinct())
