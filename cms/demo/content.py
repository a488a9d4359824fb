"""Demo content for Carelingua: home pages, one topic and two patient articles.

Pure data, no Django imports. Article bodies are lists of (block_type, value) tuples that
match cms.blocks.ArticleBodyBlock. Every medical statement comes from the sources listed in each article's references.

Care cards never contain phone numbers: the site adds the reader's regional numbers.
"""

HOME_PAGES = {
    "en": {
        "title": "Carelingua",
        "intro": (
            "Carelingua offers reviewed health information for patients and their families. "
            "It does not replace advice from your own doctor."
        ),
    },
    "es": {
        "title": "Carelingua",
        "intro": (
            "Carelingua ofrece información sanitaria revisada para pacientes y sus familias. "
            "No sustituye los consejos de su propio médico."
        ),
    },
    "pl": {
        "title": "Carelingua",
        "intro": (
            "Carelingua udostępnia sprawdzone informacje o zdrowiu dla pacjentów i ich rodzin. "
            "Informacje te nie zastępują porady własnego lekarza."
        ),
    },
    "ar": {
        "title": "Carelingua",
        "intro": (
            "يقدّم موقع Carelingua معلومات صحية خضعت للمراجعة، موجّهة إلى المرضى وعائلاتهم. "
            "ولا تُغني هذه المعلومات عن استشارة طبيبك الخاص."
        ),
    },
    "ur": {
        "title": "Carelingua",
        "intro": (
            "ہم مریضوں اور ان کے اہلِ خانہ کے لیے صحت سے متعلق ایسی معلومات فراہم کرتے ہیں جن کا ماہرین نے جائزہ لیا ہے۔ "
            "یہ معلومات آپ کے اپنے ڈاکٹر کے مشورے کا متبادل نہیں ہیں۔"
        ),
    },
    "zh-hans": {
        "title": "Carelingua",
        "intro": "Carelingua 为患者及其家属提供经过专业审核的健康信息。这些信息不能代替您自己的医生给出的建议。",
    },
}

TOPIC = {
    "slug": "depression",
    "title": "Depression",
    "intro": (
        "Depression is more than feeling low for a few days. "
        "Find out about treatments, including what you can try if the first treatments have not helped."
    ),
}


# --- References ------------------------------------------------------------------------
# DOIs and PubMed IDs below were checked against PubMed / PubMed Central. Where a stable
# address was not certain, the url is left empty.

REF_SPRAVATO_PI = {
    "title": "Spravato (esketamine) nasal spray: prescribing information, medication guide and REMS (Risk Evaluation and Mitigation Strategy)",
    "publisher": "Janssen Pharmaceuticals; US Food and Drug Administration",
    "year": 2025,
    "url": "https://www.janssenlabels.com/package-insert/product-monograph/prescribing-information/SPRAVATO-pi.pdf",
    "doi": "",
    "pmid": "",
}

REF_FDA_2019 = {
    "title": "FDA approves new nasal spray medication for treatment-resistant depression; available only at a certified doctor's office or clinic (news release, 5 March 2019)",
    "publisher": "US Food and Drug Administration",
    "year": 2019,
    "url": "https://www.fda.gov/news-events/press-announcements/fda-approves-new-nasal-spray-medication-treatment-resistant-depression-available-only-certified",
    "doi": "",
    "pmid": "",
}

REF_FDA_2023 = {
    "title": "FDA warns patients about risks associated with compounded ketamine products, including oral formulations, for the treatment of psychiatric disorders (October 2023)",
    "publisher": "US Food and Drug Administration",
    "year": 2023,
    "url": "",
    "doi": "",
    "pmid": "",
}

REF_NICE_TA854 = {
    "title": "Esketamine nasal spray for treatment-resistant depression. Technology appraisal guidance TA854",
    "publisher": "National Institute for Health and Care Excellence (NICE)",
    "year": 2022,
    "url": "https://www.nice.org.uk/guidance/ta854",
    "doi": "",
    "pmid": "",
}

REF_SUSTAIN_1 = {
    "title": (
        "Daly EJ, Trivedi MH, Janik A, et al. Efficacy of esketamine nasal spray plus oral antidepressant treatment "
        "for relapse prevention in patients with treatment-resistant depression: a randomized clinical trial (SUSTAIN-1)"
    ),
    "publisher": "JAMA Psychiatry",
    "year": 2019,
    "url": "https://doi.org/10.1001/jamapsychiatry.2019.1189",
    "doi": "10.1001/jamapsychiatry.2019.1189",
    "pmid": "31166571",
}

REF_ELEKT_D = {
    "title": "Anand A, Mathew SJ, Sanacora G, et al. Ketamine versus ECT for nonpsychotic treatment-resistant major depression (ELEKT-D)",
    "publisher": "New England Journal of Medicine",
    "year": 2023,
    "url": "https://doi.org/10.1056/NEJMoa2302399",
    "doi": "10.1056/NEJMoa2302399",
    "pmid": "37224232",
}


# --- Article 1: esketamine and ketamine ---------------------------------------------------

ESKETAMINE_BODY = [
    ("heading", "What treatment-resistant depression is"),
    (
        "paragraph",
        "<p>Antidepressant medicines help many people with depression. But for some people, they do not help enough.</p>"
        "<p>Doctors call it <b>treatment-resistant depression</b> (TRD) when your depression has not got better after you have "
        "tried at least 2 different antidepressants during your current episode of depression. Each medicine must have been "
        "taken at a high enough dose and for long enough to work.</p>"
        "<p>Having TRD is not your fault. There are still other treatments you can try.</p>",
    ),
    ("heading", "What ketamine and esketamine are"),
    (
        "paragraph",
        "<p>Ketamine is a medicine made in a laboratory. It was first made in 1962. In the US it was approved as an "
        "anaesthetic in 1970. An anaesthetic is a medicine used to stop you feeling pain during an operation.</p>"
        "<p>In the brain, ketamine blocks NMDA receptors. These are places on brain cells that respond to a chemical "
        "messenger called glutamate.</p>"
        "<p>Esketamine is one of the 2 mirror-image forms of ketamine, a bit like your left and right hands. Spravato is a "
        "nasal spray that contains esketamine.</p>"
        "<p>Nobody knows for certain how ketamine and esketamine ease depression. They may change how brain cells signal to "
        "each other and help them form new connections.</p>",
    ),
    ("heading", "Who can have esketamine"),
    (
        "paragraph",
        "<p>Esketamine nasal spray is for adults with TRD. Depending on where you live, you may have it together with an "
        "antidepressant tablet, or on its own.</p>"
        "<p>You cannot have esketamine if you have:</p>"
        "<ul>"
        "<li>a bulge in the wall of a blood vessel anywhere in your body (doctors call this aneurysmal vascular disease)</li>"
        "<li>an arteriovenous malformation, which is a tangle of blood vessels where arteries join straight onto veins</li>"
        "<li>ever had bleeding in your brain</li>"
        "</ul>"
        "<p>Esketamine is not approved for anyone under 18. It is not recommended during pregnancy. Tell your doctor if you are "
        "pregnant, think you might be, or are planning a pregnancy.</p>",
    ),
    ("heading", "How a treatment session works"),
    (
        "paragraph",
        "<p>Esketamine is only given in clinics that are certified to provide it. In the US, these clinics must follow a "
        "safety programme. You cannot take the spray home.</p>"
        "<p>At the clinic, a nurse or doctor checks your blood pressure. You then spray the medicine into your nose yourself, "
        "while a health professional watches. Your dose is usually 56mg or 84mg.</p>"
        "<p>You stay at the clinic for at least 2 hours after your dose. Staff check on you and take your blood pressure again. "
        "They will tell you when you are well enough to leave.</p>",
    ),
    (
        "warning_callout",
        {
            "heading": "Do not drive until the next day",
            "body": "<p>Esketamine can make you sleepy and affect how you think and react. Do not drive until the next day, "
            "after a night's sleep. Plan how you will get home before each session.</p>",
        },
    ),
    (
        "do_dont",
        {
            "do": [
                "stop eating 2 hours before your session",
                "stop drinking 30 minutes before your session",
                "plan how you will get home before you go to the clinic",
                "tell your care team if you are pregnant or planning a pregnancy",
            ],
            "dont": [
                "drive until the next day, after you have slept",
                "take ketamine at home, such as ketamine bought online",
                "stop your antidepressant without talking to your doctor first",
            ],
        },
    ),
    ("heading", "How often you have esketamine"),
    (
        "paragraph",
        "<p>You usually have esketamine often at first, then less often. Your doctor will agree a plan with you.</p>",
    ),
    (
        "table",
        {
            "caption": "A typical esketamine treatment plan",
            "table": {
                "data": [
                    ["Weeks", "How often"],
                    ["1 to 4", "Twice a week"],
                    ["5 to 8", "Once a week"],
                    ["9 onwards", "Once a week or once every 2 weeks"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            },
        },
    ),
    (
        "paragraph",
        "<p>Each dose is usually 56mg or 84mg. The benefit often depends on carrying on with treatment, so talk to your doctor "
        "before you stop.</p>",
    ),
    ("heading", "Side effects"),
    (
        "paragraph",
        "<p>Common side effects include:</p>"
        "<ul>"
        "<li>feeling detached from yourself, your thoughts or your surroundings (dissociation)</li>"
        "<li>feeling dizzy</li>"
        "<li>feeling sick (nausea)</li>"
        "<li>feeling very sleepy (sedation)</li>"
        "<li>a rise in blood pressure</li>"
        "</ul>"
        "<p>This is why staff check your blood pressure before and after each dose, and watch you for at least 2 hours.</p>"
        "<p>Ketamine and esketamine can be misused because of the way they make people feel. In the US, ketamine is a "
        "controlled drug. Your care team will look out for signs of misuse.</p>",
    ),
    (
        "care_card",
        {
            "level": "non-urgent",
            "heading": "Talk to your care team about side effects",
            "body": "<p>Speak to your care team if:</p>"
            "<ul>"
            "<li>you have side effects that worry you or do not go away</li>"
            "<li>you are not sure the treatment is helping</li>"
            "</ul>",
        },
    ),
    ("heading", "What the research shows"),
    (
        "paragraph",
        "<p>In the US, the Food and Drug Administration (FDA) approved esketamine nasal spray:</p>"
        "<ul>"
        "<li>on 5 March 2019, for adults with TRD, together with an antidepressant tablet</li>"
        "<li>in August 2020, for symptoms of depression in adults who also have sudden thoughts of suicide or suicidal behaviour</li>"
        "<li>in January 2025, for adults with TRD to use on its own</li>"
        "</ul>"
        "<p>Esketamine was also approved in the European Union in December 2019.</p>"
        "<p>In the study behind the January 2025 approval, people were checked after 4 weeks. Their depression had gone or "
        "almost gone in 22.5% of people who had esketamine. This is called remission. In people who had a dummy spray with "
        "no medicine in it (a placebo), the figure was 7.6%.</p>"
        "<p>A study called SUSTAIN-1 looked at people whose depression had gone or almost gone while having esketamine. "
        "Some kept having esketamine and some were switched to a placebo spray. Everyone kept taking an antidepressant tablet. "
        "Later on, depression came back (relapse) in 26.7% of people who carried on with esketamine, compared with 45.3% of "
        "people who switched to the placebo. This suggests the benefit depends on continuing treatment.</p>",
    ),
    (
        "inset_text",
        "<p>In 2022, the National Institute for Health and Care Excellence (NICE) decided not to recommend esketamine for "
        "routine use on the NHS in England. This means it is not usually available on the NHS in England.</p>",
    ),
    (
        "details",
        {
            "question": "Will esketamine cure my depression?",
            "answer": "<p>Esketamine helps some people, but not everyone. In research, depression was more likely to come back "
            "when people stopped having it. Your care team will talk with you about how long to carry on.</p>",
        },
    ),
    ("heading", "Ketamine infusions"),
    (
        "paragraph",
        "<p>Some clinics offer ketamine as an infusion, given slowly through a drip into a vein. "
        "No ketamine product is approved to treat depression, so using it this way is called <b>off-label</b> use.</p>"
        "<p>In research, the usual dose is 0.5mg of ketamine for each kilogram you weigh, given over 40 minutes. The effect of "
        "a single infusion usually wears off within a few days.</p>"
        "<p>A large study called ELEKT-D, published in 2023, compared ketamine infusions with electroconvulsive therapy (ECT), "
        "where a small electric current is passed through the brain under a general anaesthetic. The study included adults "
        "with TRD who did not have psychosis (seeing, hearing or believing things that are not real). It found that ketamine "
        "was no worse than ECT for these people.</p>"
        "<p>In October 2023, the FDA warned that no ketamine product is approved for any mental health condition.</p>",
    ),
    (
        "details",
        {
            "question": "Can I take ketamine at home?",
            "answer": "<p>Some services offer ketamine made up specially by a pharmacy (compounded ketamine) to take at home. "
            "The FDA has warned that these products are not approved and are not monitored by the safety programme that "
            "applies to esketamine. Sleepiness, feeling detached and raised blood pressure can be dangerous when no health "
            "professional is there to check on you.</p>",
        },
    ),
    ("heading", "Esketamine and thoughts of suicide"),
    (
        "paragraph",
        "<p>Esketamine is approved in the US for some adults with depression who have thoughts of suicide. But it has not been "
        "shown to prevent suicide, and it does not replace hospital care if you need it.</p>"
        "<p>If you have thoughts of ending your life, you are not alone and help is available.</p>",
    ),
    (
        "care_card",
        {
            "level": "urgent",
            "heading": "Get help now if you have thoughts of suicide or self-harm",
            "body": "<p>Ask for an urgent appointment with your GP, contact your mental health crisis team, or call an urgent "
            "mental health helpline.</p>"
            "<p>If you are worried about someone else, stay with them and help them get support.</p>",
        },
    ),
    (
        "care_card",
        {
            "level": "emergency",
            "heading": "Get emergency help now",
            "body": "<p>Call for an ambulance or go to the nearest emergency department now if:</p>"
            "<ul>"
            "<li>someone has seriously harmed themselves, for example by taking an overdose</li>"
            "<li>you or someone else is in immediate danger</li>"
            "<li>you feel you cannot keep yourself safe right now</li>"
            "</ul>",
        },
    ),
]


# --- Article 2: treatment-resistant depression --------------------------------------------

TRD_BODY = [
    ("heading", "What it means"),
    (
        "paragraph",
        "<p>Depression is called <b>treatment-resistant</b> when it has not got better after you have tried at least 2 different "
        "antidepressants during your current episode of depression. Each medicine must have been taken at a high enough dose "
        "and for long enough to work.</p>"
        "<p>Treatment-resistant depression (TRD) is common. Many people need to try more than one treatment before they find "
        "one that helps.</p>"
        "<p>Having TRD is not your fault. It is not a sign of weakness, and it does not mean you have done anything wrong. "
        "There are still other treatments to try.</p>",
    ),
    ("heading", "Treatments to talk about with your doctor"),
    (
        "paragraph",
        "<p>Your doctor or care team will talk with you about what to try next. Options include:</p>"
        "<ul>"
        "<li><b>checking the diagnosis</b>: making sure nothing else, such as another health condition, is causing or adding "
        "to your symptoms</li>"
        "<li><b>checking your medicine</b>: making sure the dose is right and that you have been able to take it as prescribed</li>"
        "<li><b>switching medicines</b>: moving to a different antidepressant</li>"
        "<li><b>combining medicines</b>: adding a second medicine to your antidepressant</li>"
        "<li><b>talking therapies</b>: such as cognitive behavioural therapy (CBT), on their own or together with medicine</li>"
        "<li><b>electroconvulsive therapy (ECT)</b>: a treatment where a small electric current is passed through the brain "
        "while you are under a general anaesthetic</li>"
        "<li><b>esketamine nasal spray</b>: approved in some countries, but not usually available on the NHS in England</li>"
        "</ul>"
        "<p>Some clinics offer ketamine through a drip into a vein (an infusion). No ketamine product is approved to treat "
        "depression. "
        "In a study published in 2023, ketamine infusions were no worse than ECT for adults with TRD who did not have "
        "psychosis.</p>"
        "<p>Each option has benefits and risks. Your doctor can help you weigh them up, based on your symptoms, your health and "
        "what matters to you.</p>",
    ),
    ("heading", "Looking after yourself"),
    (
        "paragraph",
        "<p>Keep taking your medicine unless your doctor tells you to stop. Stopping suddenly can make you feel unwell.</p>"
        "<p>Tell your care team how you are feeling, including if things get worse. It can also help to talk to people you "
        "trust, such as family or friends.</p>",
    ),
    (
        "details",
        {
            "question": "Why have my antidepressants not worked?",
            "answer": "<p>Doctors cannot yet predict who will respond to which medicine. Depression can have many causes, and "
            "people respond to treatments in different ways. A medicine not working for you does not mean that you did "
            "something wrong.</p>",
        },
    ),
    (
        "care_card",
        {
            "level": "urgent",
            "heading": "Get help now if you have thoughts of suicide or self-harm",
            "body": "<p>Ask for an urgent appointment with your GP, contact your mental health crisis team, or call an urgent "
            "mental health helpline. You do not have to cope with these feelings alone.</p>",
        },
    ),
]


ARTICLES = [
    {
        "slug": "esketamine-and-ketamine-for-depression",
        "title": "Esketamine and ketamine for depression",
        "search_description": (
            "How esketamine nasal spray (Spravato) and ketamine infusions are used for treatment-resistant depression, "
            "who can have them, side effects and what the research shows."
        ),
        "author": "Dr Helen Marsh, consultant psychiatrist",
        "summary": [
            "Treatment-resistant depression is depression that has not got better after trying at least 2 antidepressants.",
            "Esketamine nasal spray (Spravato) is approved in the US and the European Union for some adults with treatment-resistant depression.",
            "You have esketamine at a certified clinic and stay for at least 2 hours so staff can check on you.",
            "Do not drive until the next day, after you have slept.",
            "Ketamine infusions are not approved to treat depression.",
            "Esketamine has not been shown to prevent suicide. If you have thoughts of suicide, get help now.",
        ],
        "body": ESKETAMINE_BODY,
        "references": [
            REF_SPRAVATO_PI,
            REF_FDA_2019,
            REF_FDA_2023,
            REF_NICE_TA854,
            REF_SUSTAIN_1,
            REF_ELEKT_D,
        ],
    },
    {
        "slug": "treatment-resistant-depression",
        "title": "Treatment-resistant depression",
        "search_description": "What treatment-resistant depression means, and the treatment options you can talk about with your doctor.",
        "author": "Dr Samuel Okafor, consultant psychiatrist",
        "summary": [
            "Treatment-resistant depression means depression that has not got better after trying at least 2 antidepressants.",
            "It is common, and it is not your fault.",
            "There are other treatments to try, so talk to your doctor about your options.",
            "If you have thoughts of suicide or self-harm, get help now.",
        ],
        "body": TRD_BODY,
        "references": [
            REF_NICE_TA854,
            REF_ELEKT_D,
        ],
    },
]
