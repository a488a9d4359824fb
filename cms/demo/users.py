"""Demo people, one per role, all with the same printed password.

Every one of them is fictional, and readers are told so wherever they are credited.
"""

DEMO_PASSWORD = "carelingua-demo"  # noqa: S105 (printed for the demo; load_demo refuses production)

# username, first name, last name, credentials shown on reviewed pages, groups
USERS = [
    ("admin", "Nadia", "Brennan", "", ["Site admins"]),
    ("editor", "Ellen", "Price", "Health content editor", ["Editors"]),
    ("editorial_reviewer", "Tom", "Hughes", "Senior content designer", ["Editorial reviewers"]),
    ("reviewer_en", "Rahul", "Mehta", "MRCPsych, consultant psychiatrist", ["Medical reviewers (English)"]),
    ("reviewer_es", "Lucía", "Navarro", "Médica psiquiatra", ["Medical reviewers (Spanish)"]),
    ("reviewer_ar", "Omar", "Haddad", "MBBS, psychiatrist", ["Medical reviewers (Arabic)"]),
    ("translator_es", "Carmen", "Ortega", "Translator, Spanish", ["Translators (Spanish)"]),
    ("linguist_es", "Diego", "Ramos", "Reviser, Spanish", ["Linguistic reviewers (Spanish)"]),
    ("translator_pl", "Agnieszka", "Nowak", "Translator, Polish", ["Translators (Polish)"]),
    ("linguist_pl", "Tomasz", "Wiśniewski", "Reviser, Polish", ["Linguistic reviewers (Polish)"]),
    ("reviewer_pl", "Katarzyna", "Zielińska", "Lekarz psychiatra", ["Medical reviewers (Polish)"]),
    ("translator_ar", "Layla", "Mansour", "Translator, Arabic", ["Translators (Arabic)"]),
    ("linguist_ar", "Karim", "Saleh", "Reviser, Arabic", ["Linguistic reviewers (Arabic)"]),
    ("translator_ur", "Ayesha", "Malik", "Translator, Urdu", ["Translators (Urdu)"]),
    ("linguist_ur", "Bilal", "Qureshi", "Reviser, Urdu", ["Linguistic reviewers (Urdu)"]),
    ("reviewer_ur", "Sana", "Iqbal", "MBBS, FCPS (Psychiatry)", ["Medical reviewers (Urdu)"]),
    ("translator_zh", "Wei", "Zhang", "Translator, Simplified Chinese", ["Translators (Simplified Chinese)"]),
    ("linguist_zh", "Lin", "Chen", "Reviser, Simplified Chinese", ["Linguistic reviewers (Simplified Chinese)"]),
    ("reviewer_zh", "Hui", "Wang", "Psychiatrist", ["Medical reviewers (Simplified Chinese)"]),
]
