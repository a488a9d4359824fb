"""Demo content for Carelingua: home pages, one topic and two patient articles.

Pure data, no Django imports. Article bodies are lists of (block_type, value) tuples that
match cms.blocks.ArticleBodyBlock. Every medical statement comes from the sources listed in
each article's references (cms/demo/references.py).

Care cards never contain phone numbers: the site adds the reader's regional numbers.
"""

from . import references

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


# --- Article 1: esketamine and ketamine ---------------------------------------------------
# Written for a reading age of 9 to 11: short sentences, everyday words, each medical term
# explained where it first appears. The history and the pharmacology are in details blocks.

ESKETAMINE_BODY = [
    ("heading", "Depression that has not got better with treatment"),
    (
        "paragraph",
        "<p>Antidepressants help many people with depression. But for some people, they do not help enough.</p>"
        "<p>You may have tried at least 2 antidepressants and your depression has not got better. Doctors call this "
        "<b>treatment-resistant depression</b>. You must have taken each medicine at a high enough dose and for long "
        "enough, during this episode of depression.</p>"
        "<p>This is not your fault. There are still other treatments you can try.</p>",
    ),
    ("heading", "What esketamine and ketamine are"),
    (
        "paragraph",
        "<p>Ketamine is a medicine used in hospitals as an anaesthetic. An anaesthetic stops you feeling pain during an "
        "operation.</p>"
        "<p>Ketamine is a mix of 2 forms that are mirror images of each other, like your left and right hands. "
        "Esketamine is one of these forms. Spravato is a nasal spray that contains esketamine.</p>"
        "<p>Nobody knows for sure how ketamine and esketamine ease depression. They may help brain cells make new "
        "links with each other.</p>",
    ),
    (
        "details",
        {
            "question": "Where ketamine comes from and how it works",
            "answer": "<p>Ketamine was first made in a laboratory in 1962, by the drug company Parke-Davis, during research "
            "on a related drug. In 1970, the US Food and Drug Administration (FDA) approved it as an anaesthetic.</p>"
            "<p>In the brain, ketamine blocks NMDA receptors. These are parts of brain cells that respond to glutamate, "
            "a chemical messenger. This may change how brain cells signal to each other and help them grow new links. "
            "These are ideas that are still being tested.</p>"
            "<p>In the US, ketamine is a controlled drug because it can be misused.</p>",
        },
    ),
    ("heading", "Who can have esketamine"),
    (
        "paragraph",
        "<p>Esketamine is only for adults. A doctor may offer it:</p>"
        "<ul>"
        "<li>if your depression has not got better after at least 2 antidepressants: you may have it with an "
        "antidepressant tablet, or in the US on its own</li>"
        "<li>in the US, if you have depression with thoughts of suicide or suicidal behaviour now: you have it with an "
        "antidepressant tablet</li>"
        "</ul>"
        "<p>Reasons you cannot have esketamine include:</p>"
        "<ul>"
        "<li>an allergy to esketamine or ketamine</li>"
        "<li>a bulge in the wall of a blood vessel (doctors call this aneurysmal vascular disease)</li>"
        "<li>a tangle of blood vessels where arteries join straight onto veins (an arteriovenous malformation)</li>"
        "<li>bleeding in your brain at any time in the past</li>"
        "<li>in the UK and Europe, a heart attack or other serious heart or blood vessel problem in the last 6 weeks</li>"
        "</ul>"
        "<p>Your doctor will check your health before you start. Esketamine is not approved for anyone under 18.</p>"
        "<p>It is not recommended if you are pregnant or breastfeeding. Tell your doctor if you are pregnant, think you "
        "might be, or are planning a pregnancy.</p>",
    ),
    ("heading", "How a treatment session works"),
    (
        "paragraph",
        "<p>You always have esketamine at a clinic. You cannot take the spray home. In the US, the clinic must be "
        "certified under a safety programme.</p>"
        "<p>Before your dose, a nurse or doctor checks your blood pressure. You then spray the medicine into your nose "
        "yourself, while they watch. Each dose is usually 56mg or 84mg. In the European Union, people aged 65 or over "
        "usually start with 28mg.</p>"
        "<p>You stay at the clinic for at least 2 hours after your dose. Staff check your blood pressure again. They also "
        "watch your breathing and check the oxygen level in your blood with a clip on your finger. In the US, this "
        "oxygen check is part of the safety programme.</p>"
        "<p>Staff will tell you when you are well enough to go home.</p>",
    ),
    (
        "warning_callout",
        {
            "heading": "Do not drive until the next day",
            "body": "<p>Esketamine can make you very sleepy and affect how you think and react. Do not drive until the "
            "next day, after a full night's sleep. Plan how you will get home before each session.</p>",
        },
    ),
    (
        "do_dont",
        {
            "do": [
                "stop eating 2 hours before your session",
                "stop drinking 30 minutes before your session",
                "plan how you will get home before you go to the clinic",
                "tell your care team if you are pregnant, breastfeeding or planning a pregnancy",
            ],
            "dont": [
                "drive until the next day, after a full night's sleep",
                "drink alcohol, or take other medicines that make you sleepy without asking your doctor",
                "take ketamine at home, such as ketamine bought online",
                "stop taking your antidepressant without talking to your doctor first",
            ],
        },
    ),
    ("heading", "How often you have esketamine"),
    (
        "paragraph",
        "<p>You usually have esketamine twice a week at first, then less often. Your doctor will agree a plan with "
        "you.</p>",
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
        "<p>The benefit often lasts only while you keep having treatment. Talk to your doctor before you stop.</p>",
    ),
    ("heading", "Side effects"),
    (
        "paragraph",
        "<p>Common side effects include:</p>"
        "<ul>"
        "<li>feeling detached from yourself, your thoughts or what is around you (doctors call this dissociation)</li>"
        "<li>feeling dizzy</li>"
        "<li>feeling sick (nausea)</li>"
        "<li>feeling very sleepy</li>"
        "<li>a rise in blood pressure</li>"
        "</ul>"
        "<p>Esketamine can also cause:</p>"
        "<ul>"
        "<li>slow or shallow breathing (doctors call this respiratory depression)</li>"
        "<li>bladder problems, such as needing to pee often or suddenly, or pain when you pee</li>"
        "</ul>"
        "<p>This is why staff check your blood pressure and your breathing, and watch you for at least 2 hours.</p>"
        "<p>Ketamine and esketamine can be misused because of the way they make people feel. Your care team will look "
        "out for signs of this.</p>",
    ),
    (
        "care_card",
        {
            "level": "non-urgent",
            "heading": "Talk to your care team about side effects",
            "body": "<p>Speak to your care team if:</p>"
            "<ul>"
            "<li>you have side effects that worry you or do not go away</li>"
            "<li>you have problems peeing, or pain when you pee</li>"
            "<li>you are not sure the treatment is helping</li>"
            "</ul>",
        },
    ),
    ("heading", "What the research shows"),
    (
        "paragraph",
        "<p>In one study, people had esketamine on its own or a dummy spray with no medicine in it (a placebo). After "
        "4 weeks, depression had gone or almost gone in 22.5% of people who had esketamine. This compares with 7.6% of "
        "people who had the dummy spray.</p>"
        "<p>Another study, called SUSTAIN-1, looked at people whose depression had gone or almost gone while having "
        "esketamine. Some kept having it and some switched to a dummy spray. Everyone kept taking an antidepressant "
        "tablet. Later, depression came back in 26.7% of people who kept having esketamine. This compares with 45.3% of people "
        "who switched to the dummy spray. So the benefit seems to depend on carrying on with treatment.</p>",
    ),
    (
        "inset_text",
        "<p>In England, the National Institute for Health and Care Excellence (NICE) decided in 2022 not to recommend "
        "esketamine for routine use on the NHS. This means you cannot usually get it on the NHS in England.</p>",
    ),
    (
        "details",
        {
            "question": "When esketamine was approved",
            "answer": "<p>In the US, the FDA approved esketamine nasal spray:</p>"
            "<ul>"
            "<li>on 5 March 2019, for adults with treatment-resistant depression, with an antidepressant tablet</li>"
            "<li>in 2020, for adults with depression and thoughts of suicide or suicidal behaviour now, with an "
            "antidepressant tablet</li>"
            "<li>in January 2025, for adults with treatment-resistant depression, on its own</li>"
            "</ul>"
            "<p>In the European Union, it was approved in December 2019.</p>",
        },
    ),
    (
        "details",
        {
            "question": "Will esketamine cure my depression?",
            "answer": "<p>Esketamine helps some people, but not everyone. In research, depression was more likely to come "
            "back when people stopped having it. Your care team will talk with you about how long to carry on.</p>",
        },
    ),
    ("heading", "Ketamine through a drip"),
    (
        "paragraph",
        "<p>Some clinics give ketamine slowly through a drip into a vein. This is called an infusion.</p>"
        "<p>Ketamine itself is not approved to treat depression. A doctor can still choose to use a medicine for "
        "something it is not approved for. This is called off-label use.</p>"
        "<p>In research, the usual dose is 0.5mg of ketamine for each kilogram you weigh, given over 40 minutes. The "
        "effect of one drip usually wears off within a few days.</p>"
        "<p>A large study called ELEKT-D, published in 2023, compared ketamine drips with electroconvulsive therapy "
        "(ECT). In ECT, a small electric current is passed through the brain while you are under a general anaesthetic. "
        "The study was in adults with treatment-resistant depression. None of them had psychosis (seeing, hearing or "
        "believing things that are not real).</p>"
        "<p>People had 6 ketamine drips over 3 weeks. Ketamine was no worse than ECT for these people. But everyone in "
        "the study knew which treatment they were having, and this can affect the results.</p>"
        "<p>Another study, called KetECT, published in 2022, looked at people who were in hospital for depression. In "
        "this study, ECT made depression go away in more people than ketamine did.</p>"
        "<p>In October 2023, the FDA warned that ketamine itself is not approved to treat any mental health condition. "
        "This warning is about ketamine, not about esketamine nasal spray.</p>",
    ),
    (
        "details",
        {
            "question": "Can I take ketamine at home?",
            "answer": "<p>Some services offer ketamine that a pharmacy has made up specially, to take at home. The FDA has "
            "warned that these products are not approved. They are not checked by the safety programme that covers "
            "esketamine.</p>"
            "<p>Feeling very sleepy or detached, slow breathing and high blood pressure can be dangerous. At home, there is "
            "no nurse or doctor there to check on you.</p>",
        },
    ),
    ("heading", "Esketamine and thoughts of suicide"),
    (
        "paragraph",
        "<p>In the US, esketamine is approved for some adults with depression who have thoughts of suicide now. But it "
        "has not been shown to prevent suicide, and it does not replace hospital care if you need it.</p>"
        "<p>In some young adults, antidepressant medicines can make thoughts of suicide worse. Tell your care team "
        "straight away if your mood gets worse or you have new thoughts of harming yourself.</p>"
        "<p>If you have thoughts of ending your life, you are not alone. Help is available now.</p>",
    ),
    (
        "care_card",
        {
            "level": "urgent",
            "heading": "Get help now if you have thoughts of suicide or self-harm",
            "body": "<p>Ask your doctor for an urgent appointment, contact your mental health crisis team, or call a "
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
        "<p>Depression is called <b>treatment-resistant</b> when at least 2 antidepressants have not helped. This means 2 "
        "different medicines, tried during this episode of depression. You must have taken each one at a high enough "
        "dose, and for long enough.</p>"
        "<p>This is common. Many people try more than one treatment before they find one that helps.</p>"
        "<p>It is not your fault. It is not a sign of weakness, and it does not mean you have done anything wrong. There "
        "are still other treatments to try.</p>",
    ),
    ("heading", "Treatments to talk about with your doctor"),
    (
        "paragraph",
        "<p>Your doctor or care team will talk with you about what to try next. In the UK, a guideline on depression in "
        "adults sets out the options. It is from the National Institute for Health and Care Excellence (NICE). The "
        "options include:</p>"
        "<ul>"
        "<li><b>checking the diagnosis</b>: making sure nothing else, such as another illness, is causing your symptoms or "
        "making them worse</li>"
        "<li><b>checking your medicine</b>: making sure the dose is right and that you have been able to take it as prescribed</li>"
        "<li><b>switching medicines</b>: changing to a new antidepressant</li>"
        "<li><b>combining medicines</b>: adding a second medicine to your antidepressant</li>"
        "<li><b>talking therapies</b>: such as cognitive behavioural therapy (CBT), on their own or with medicine</li>"
        "<li><b>electroconvulsive therapy (ECT)</b>: a small electric current is passed through your brain while you are "
        "asleep under a general anaesthetic</li>"
        "<li><b>esketamine nasal spray</b>: approved in some countries, but you cannot usually get it on the NHS in England</li>"
        "</ul>"
        "<p>Some clinics give ketamine through a drip into a vein. Ketamine itself is not approved to treat depression. In "
        "a study published in 2023, ketamine drips were no worse than ECT. The people in it had this kind of depression "
        "but not psychosis (seeing, hearing or believing things that are not real). In another study, of people in "
        "hospital, ECT worked better than ketamine.</p>"
        "<p>Each option has benefits and risks. Your doctor can help you weigh them up. This will depend on your symptoms, "
        "your health and what matters to you.</p>",
    ),
    ("heading", "Looking after yourself"),
    (
        "paragraph",
        "<p>Keep taking your medicine unless your doctor tells you to stop. Stopping suddenly can make you feel unwell.</p>"
        "<p>Tell your care team how you feel, and tell them if things get worse. It can also help to talk to people you "
        "trust, such as family or friends.</p>",
    ),
    (
        "details",
        {
            "question": "Why have my antidepressants not worked?",
            "answer": "<p>Doctors cannot yet tell who will respond to which medicine. Depression can have many causes. People "
            "respond to treatments in different ways. If a medicine does not work for you, it does not mean you did "
            "something wrong.</p>",
        },
    ),
    (
        "care_card",
        {
            "level": "urgent",
            "heading": "Get help now if you have thoughts of suicide or self-harm",
            "body": "<p>Ask your doctor for an urgent appointment, contact your mental health crisis team, or call a mental "
            "health helpline. You do not have to cope with these feelings alone.</p>",
        },
    ),
]


# The people named as authors are fictional, and say so wherever their names appear.
ARTICLES = [
    {
        "slug": "esketamine-and-ketamine-for-depression",
        "title": "Esketamine and ketamine for depression",
        "search_description": (
            "How esketamine nasal spray (Spravato) and ketamine drips are used for depression that has not got better with "
            "treatment. Who can have them, side effects and what the research shows."
        ),
        "author": "Dr Helen Marsh, consultant psychiatrist (fictional person)",
        "summary": [
            "Esketamine nasal spray (Spravato) can help some adults whose depression has not got better after trying at least 2 antidepressants.",
            "You have it at a clinic, where staff check your blood pressure and breathing. You stay for at least 2 hours after each dose.",
            "Do not drive until the next day, after a full night's sleep.",
            "Ketamine through a drip is not an approved treatment for depression.",
            "Esketamine has not been shown to prevent suicide. If you have thoughts of suicide, get help now.",
        ],
        "body": ESKETAMINE_BODY,
        "references": [
            references.SPRAVATO_PI,
            references.FDA_2019,
            references.MONOTHERAPY_2025,
            references.EMA_EPAR,
            references.NICE_TA854,
            references.SUSTAIN_1,
            references.ELEKT_D,
            references.KETECT,
            references.FDA_2023,
        ],
    },
    {
        "slug": "treatment-resistant-depression",
        "title": "Treatment-resistant depression",
        "search_description": "What treatment-resistant depression means, and the options you can talk about with your doctor.",
        "author": "Dr Samuel Okafor, consultant psychiatrist (fictional person)",
        "summary": [
            "Depression is called treatment-resistant when at least 2 antidepressants have not helped.",
            "It is common, and it is not your fault.",
            "There are other treatments to try, so talk to your doctor about your options.",
            "If you have thoughts of suicide or self-harm, get help now.",
        ],
        "body": TRD_BODY,
        "references": [
            references.NICE_NG222,
            references.NICE_TA854,
            references.ELEKT_D,
            references.KETECT,
        ],
    },
]
