"""Demo people, one per role, all with the same printed password.

Every one of them is fictional, and readers are told so wherever they are credited.
"""

DEMO_PASSWORD = "carelingua-demo"  # noqa: S105 (printed for the demo; load_demo refuses production)

# username, first name, last name, credentials shown on reviewed pages (in each language the
# person works in: readers of that language see them), groups
USERS = [
    ("admin", "Nadia", "Brennan", {}, ["Site admins"]),
    ("editor", "Ellen", "Price", {"en": "Health content editor"}, ["Editors"]),
    ("editorial_reviewer", "Tom", "Hughes", {"en": "Senior content designer"}, ["Editorial reviewers"]),
    (
        "reviewer_en",
        "Rahul",
        "Mehta",
        {"en": "MRCPsych, consultant psychiatrist"},
        ["Medical reviewers (English)"],
    ),
    ("reviewer_es", "Lucía", "Navarro", {"es": "Médica psiquiatra"}, ["Medical reviewers (Spanish)"]),
    (
        "reviewer_ar",
        "Omar",
        "Haddad",
        {"ar": "طبيب نفسي، بكالوريوس الطب والجراحة (MBBS)"},
        ["Medical reviewers (Arabic)"],
    ),
    ("translator_es", "Carmen", "Ortega", {"es": "Traductora al español"}, ["Translators (Spanish)"]),
    ("linguist_es", "Diego", "Ramos", {"es": "Revisor de traducciones al español"}, ["Linguistic reviewers (Spanish)"]),
    ("translator_pl", "Agnieszka", "Nowak", {"pl": "Tłumaczka na język polski"}, ["Translators (Polish)"]),
    (
        "linguist_pl",
        "Tomasz",
        "Wiśniewski",
        {"pl": "Weryfikator tłumaczeń na język polski"},
        ["Linguistic reviewers (Polish)"],
    ),
    ("reviewer_pl", "Katarzyna", "Zielińska", {"pl": "Lekarz psychiatra"}, ["Medical reviewers (Polish)"]),
    ("translator_ar", "Layla", "Mansour", {"ar": "مترجمة إلى العربية"}, ["Translators (Arabic)"]),
    ("linguist_ar", "Karim", "Saleh", {"ar": "مراجع ترجمات العربية"}, ["Linguistic reviewers (Arabic)"]),
    ("translator_ur", "Ayesha", "Malik", {"ur": "اردو مترجم"}, ["Translators (Urdu)"]),
    ("linguist_ur", "Bilal", "Qureshi", {"ur": "اردو ترجمے کے نظرثانی کار"}, ["Linguistic reviewers (Urdu)"]),
    ("reviewer_ur", "Sana", "Iqbal", {"ur": "MBBS، FCPS (نفسیات)"}, ["Medical reviewers (Urdu)"]),
    ("translator_zh", "Wei", "Zhang", {"zh-hans": "简体中文译者"}, ["Translators (Simplified Chinese)"]),
    ("linguist_zh", "Lin", "Chen", {"zh-hans": "简体中文译文审校"}, ["Linguistic reviewers (Simplified Chinese)"]),
    ("reviewer_zh", "Hui", "Wang", {"zh-hans": "精神科医生"}, ["Medical reviewers (Simplified Chinese)"]),
]
