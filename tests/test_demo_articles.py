"""The demo articles as a clinical reviewer reads them, in every language they are published in:
the facts a review found missing are on the rendered pages, the rejected claims are not, the
sources are cited in full, and the people named are marked as fictional wherever they appear."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from cms.demo.users import USERS
from cms.models import ArticlePage
from translations.review_models import ReviewerProfile

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "pl", "ar", "ur", "zh-hans"]

# What the clinical review found missing (issue 13, "Article facts"), as each language says it.
FACTS = {
    "allergy is a reason not to have it": {
        "en": "an allergy to esketamine or ketamine",
        "es": "tener alergia a la esketamina o a la ketamina",
        "pl": "uczulenie na esketaminę lub ketaminę",
        "ar": "الحساسية من إسكيتامين أو الكيتامين",
        "ur": "ایسکیٹامین یا کیٹامین سے الرجی",
        "zh-hans": "对艾司氯胺酮或氯胺酮过敏",
    },
    "a recent heart attack excludes it in the UK and Europe": {
        "en": "in the UK and Europe, a heart attack or other serious heart or blood vessel problem in the last 6 weeks",
        "es": "en el Reino Unido y en Europa, haber tenido un infarto",
        "pl": "w Wielkiej Brytanii i Europie: zawał serca",
        "ar": "في المملكة المتحدة وأوروبا، نوبة قلبية",
        "ur": "برطانیہ اور یورپ میں: پچھلے 6 ہفتوں میں دل کا دورہ",
        "zh-hans": "在英国和欧洲：过去6周内发生过心脏病发作",
    },
    "breathing problems (respiratory depression)": {
        "en": "slow or shallow breathing (doctors call this respiratory depression)",
        "es": "respiración lenta o poco profunda (los médicos lo llaman depresión respiratoria)",
        "pl": "wolny lub płytki oddech (lekarze nazywają to depresją oddechową)",
        "ar": "تنفّسًا بطيئًا أو ضعيفًا (ويسمّي الأطباء ذلك تثبيط التنفّس)",
        "ur": "سانس کا سست یا ہلکا ہو جانا",
        "zh-hans": "呼吸变慢或变浅（医生称之为呼吸抑制）",
    },
    "breathing and oxygen are monitored at the clinic": {
        "en": "check the oxygen level in your blood with a clip on your finger",
        "es": "mide el nivel de oxígeno en la sangre con una pinza en el dedo",
        "pl": "sprawdza poziom tlenu we krwi za pomocą klipsa zakładanego na palec",
        "ar": "يقيسون مستوى الأكسجين في دمك بمِلقط صغير على إصبعك",
        "ur": "انگلی پر لگے ایک کلپ سے آپ کے خون میں آکسیجن کی سطح چیک کرتے ہیں",
        "zh-hans": "用夹在手指上的夹子检测您的血氧水平",
    },
    "bladder and urinary problems": {
        "en": "bladder problems, such as needing to pee often or suddenly, or pain when you pee",
        "es": "problemas de vejiga",
        "pl": "problemy z pęcherzem",
        "ar": "مشكلات في المثانة",
        "ur": "مثانے کے مسائل",
        "zh-hans": "膀胱问题",
    },
    "not with alcohol or sedatives": {
        "en": "drink alcohol, or take other medicines that make you sleepy without asking your doctor",
        "es": "beber alcohol o tomar otros medicamentos que den sueño",
        "pl": "pić alkohol lub bez pytania lekarza przyjmować inne leki, po których chce się spać",
        "ar": "شرب الكحول، أو تناول أدوية أخرى تسبّب النعاس",
        "ur": "شراب پینا، یا ڈاکٹر سے پوچھے بغیر کوئی اور نیند لانے والی دوا لینا",
        "zh-hans": "饮酒，或在未询问医生的情况下服用其他会让人困倦的药物",
    },
    "not while breastfeeding": {
        "en": "It is not recommended if you are pregnant or breastfeeding.",
        "es": "No se recomienda durante el embarazo ni la lactancia.",
        "pl": "Nie zaleca się jej w ciąży ani w okresie karmienia piersią.",
        "ar": "لا يُنصح به أثناء الحمل أو الرضاعة الطبيعية.",
        "ur": "حمل یا بچے کو دودھ پلانے کے دوران اس کی سفارش نہیں کی جاتی۔",
        "zh-hans": "不建议在怀孕或哺乳期间使用。",
    },
    "the warning about suicidal thoughts in young adults": {
        "en": "In some young adults, antidepressant medicines can make thoughts of suicide worse.",
        "es": "En algunos adultos jóvenes, los antidepresivos pueden empeorar los pensamientos de suicidio.",
        "pl": "U niektórych młodych dorosłych leki przeciwdepresyjne mogą nasilać myśli samobójcze.",
        "ar": "لدى بعض الشباب البالغين، قد تزيد مضادات الاكتئاب الأفكار الانتحارية سوءًا.",
        "ur": "کچھ نوجوان بالغ افراد میں اینٹی ڈپریسنٹ دوائیں خودکشی کے خیالات کو بڑھا سکتی ہیں۔",
        "zh-hans": "在一些青年人中，抗抑郁药可能会加重自杀念头。",
    },
    "the 2020 indication: current suicidal thoughts or behaviour, with an oral antidepressant": {
        "en": "in 2020, for adults with depression and thoughts of suicide or suicidal behaviour now, with an antidepressant tablet",
        "es": "en 2020, para adultos con depresión y pensamientos o conductas suicidas en ese momento, junto con un antidepresivo en comprimidos",
        "pl": "w 2020 r. dla dorosłych z depresją, u których obecnie występują myśli lub zachowania samobójcze, razem z lekiem przeciwdepresyjnym w tabletkach",
        "ar": "عام 2020، للبالغين المصابين بالاكتئاب الذين لديهم في الوقت الحالي أفكار انتحارية أو سلوك انتحاري، مع قرص مضاد للاكتئاب",
        "ur": "2020 میں، ڈپریشن والے اُن بالغ افراد کے لیے جنہیں اس وقت خودکشی کے خیالات آ رہے ہوں",
        "zh-hans": "2020年，用于目前有自杀念头或自杀行为的成年抑郁症患者，与口服抗抑郁药一起使用",
    },
    "ketamine itself (not esketamine) is approved for no mental health condition": {
        "en": "the FDA warned that ketamine itself is not approved to treat any mental health condition. This warning is about ketamine, not about esketamine nasal spray.",
        "es": "la FDA advirtió que la ketamina en sí no está aprobada para tratar ningún problema de salud mental",
        "pl": "FDA ostrzegła, że sama ketamina nie jest zatwierdzona do leczenia żadnego zaburzenia psychicznego",
        "ar": "من أن الكيتامين نفسه غير معتمد لعلاج أي حالة من حالات الصحة النفسية",
        "ur": "کیٹامین خود کسی بھی ذہنی صحت کے مسئلے کے علاج کے لیے منظور شدہ نہیں ہے",
        "zh-hans": "氯胺酮本身未获批准用于治疗任何精神健康问题",
    },
    "ELEKT-D was open-label": {
        "en": "everyone in the study knew which treatment they were having",
        "es": "todos los participantes sabían qué tratamiento recibían",
        "pl": "wszyscy uczestnicy wiedzieli, jakie leczenie otrzymują",
        "ar": "كل المشاركين في الدراسة كانوا يعرفون العلاج الذي يتلقّونه",
        "ur": "تحقیق میں شامل سب لوگ جانتے تھے کہ انہیں کون سا علاج مل رہا ہے",
        "zh-hans": "研究中的每个人都知道自己接受的是哪种治疗",
    },
    "KetECT found ECT better than ketamine for remission": {
        "en": "KetECT, published in 2022",
        "es": "KetECT, publicado en 2022",
        "pl": "KetECT, opublikowane w 2022 roku",
        "ar": "KetECT، نُشرت عام 2022",
        "ur": "KetECT، جو 2022 میں شائع ہوئی",
        "zh-hans": "KetECT的研究于2022年发表",
    },
    "the EU starting dose of 28 mg from 65": {
        "en": "In the European Union, people aged 65 or over usually start with 28mg.",
        "es": "En la Unión Europea, las personas de 65 años o más suelen empezar con 28 mg.",
        "pl": "W Unii Europejskiej osoby w wieku 65 lat lub starsze zwykle zaczynają od 28 mg.",
        "ar": "وفي الاتحاد الأوروبي، يبدأ الأشخاص الذين بلغوا 65 عامًا أو أكثر عادةً بجرعة 28 ملغ.",
        "ur": "یورپی یونین میں 65 سال یا اس سے زیادہ عمر کے افراد عام طور پر 28 ملی گرام سے شروع کرتے ہیں۔",
        "zh-hans": "在欧盟，65岁或以上的人通常从28毫克开始。",
    },
    "certification of clinics is a US rule": {
        "en": "In the US, the clinic must be certified under a safety programme.",
        "es": "En EE. UU., la clínica debe estar certificada dentro de un programa de seguridad.",
        "pl": "W USA przychodnia musi mieć certyfikat w ramach programu bezpieczeństwa.",
        "ar": "وفي الولايات المتحدة، يجب أن تكون العيادة معتمدة ضمن برنامج للسلامة.",
        "ur": "امریکہ میں کلینک کا ایک حفاظتی پروگرام کے تحت سرٹیفائیڈ ہونا ضروری ہے۔",
        "zh-hans": "在美国，诊所必须通过一项安全计划的认证。",
    },
}

# The sources a reviewer must be able to open (issue 13, "References").
SOURCES = [
    (
        "FDA warns patients and health care providers about potential risks associated with compounded ketamine "
        "products, including oral formulations, for the treatment of psychiatric disorders",
        "https://www.fda.gov/drugs/human-drug-compounding/fda-warns-patients-and-health-care-providers-about-potential-risks-associated-compounded-ketamine",
    ),
    (
        "SPRAVATO (esketamine) approved in the U.S. as the first and only monotherapy",
        "https://www.jnj.com/media-center/press-releases/spravato-esketamine-approved-in-the-u-s-as-the-first-and-only-monotherapy-for-adults-with-treatment-resistant-depression",
    ),
    (
        "Spravato (esketamine): European public assessment report",
        "https://www.ema.europa.eu/en/medicines/human/EPAR/spravato",
    ),
    ("FDA approves new nasal spray medication for treatment-resistant depression", "https://www.fda.gov/news-events/"),
    ("Spravato (esketamine) nasal spray: full prescribing information", "https://www.janssenlabels.com/"),
    ("Racemic ketamine as an alternative to electroconvulsive therapy", "https://doi.org/10.1093/ijnp/pyab088"),
    ("Technology appraisal guidance TA854", "https://www.nice.org.uk/guidance/ta854"),
]

# Claims a medical reviewer must reject (DOMAIN.md section 4), in English words any page could carry.
REJECTED = [
    "made from glutamate",
    "remission for life",
    "no side effects",
    "not addictive",
    "drive yourself home",
    "prevents suicide",
    "safe for teens",
    "FDA-approved ketamine",
]


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def version(slug, language):
    return ArticlePage.objects.get(slug=slug, locale__language_code=language)


def article_text(client, language, slug="esketamine-and-ketamine-for-depression"):
    page = soup(client.get(version(slug, language).url))
    return " ".join(page.find("article").get_text(" ").split()), page


def says(page, words):
    """Whether the article says these words (inline elements such as <bdi> joined as they are read)."""
    words = " ".join(words.split())
    article = page.find("article")
    return words in " ".join(article.get_text(" ").split()) or words in " ".join(article.get_text("").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_fact_the_clinical_review_found_missing_is_on_the_page(client, demo, language):
    _text, page = article_text(client, language)
    assert [fact for fact, words in FACTS.items() if not says(page, words[language])] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_cites_the_full_sources_with_their_addresses(client, demo, language):
    _text, page = article_text(client, language)
    references = {" ".join(a.get_text(" ").split()): a["href"] for a in page.select(".references__title")}
    for title, address in SOURCES:
        assert any(title in text and href.startswith(address) for text, href in references.items()), title


def test_the_treatment_resistant_depression_article_cites_nice_ng222(client, demo):
    for language in ("en", "pl"):
        page = version("treatment-resistant-depression", language)
        assert any(ref.value["url"] == "https://www.nice.org.uk/guidance/ng222" for ref in page.references)
    text, page = article_text(client, "en", "treatment-resistant-depression")
    assert "guideline on depression in adults" in text
    assert (
        page.find("a", href="https://www.nice.org.uk/guidance/ng222")
        .get_text(strip=True)
        .startswith("Depression in adults: treatment and management. NICE guideline NG222")
    )


@pytest.mark.parametrize("slug", ["esketamine-and-ketamine-for-depression", "treatment-resistant-depression"])
def test_the_english_articles_use_no_jargon_abbreviation_no_gp_and_no_rejected_claim(client, demo, slug):
    text, page = article_text(client, "en", slug)
    prose = " ".join(part.get_text(" ") for part in page.select(".at-a-glance, .article__body"))
    words = set(prose.replace("(", " ").replace(")", " ").replace(",", " ").split())
    assert not words & {"TRD", "GP", "GPs", "remission", "relapse", "sedation", "compounded"}
    assert [claim for claim in REJECTED if claim.lower() in text.lower()] == []
    for paragraph in page.select(".article__body .rich-text"):
        if "NMDA" in paragraph.get_text():
            assert paragraph.find_parent("details"), "the receptor pharmacology sits in a details block"


def test_no_translated_page_carries_the_abbreviation_trd(client, demo):
    for language in LANGUAGES[1:]:
        text, _page = article_text(client, language)
        assert "TRD" not in text.split(), language


# ---------- Fictional people ----------


def test_every_demo_person_is_marked_as_fictional(demo):
    people = get_user_model().objects.filter(username__in=[username for username, *_rest in USERS])
    assert people.count() == len(USERS) > 15
    assert people.filter(reviewer_profiles__fictional=True).distinct().count() == len(USERS)


def test_the_english_credits_and_structured_data_say_the_people_are_fictional(client, demo):
    text, page = article_text(client, "en")
    assert "Written by Dr Helen Marsh, consultant psychiatrist (fictional person)" in text
    assert "Medically reviewed by Rahul Mehta, MRCPsych, consultant psychiatrist (fictional person)" in text
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["author"]["name"].endswith("(fictional person)")
    assert data["reviewedBy"]["description"] == "A fictional person: this is demo content."


def test_a_translation_marks_its_translator_linguist_and_reviewer_in_its_own_language(client, demo):
    text, page = article_text(client, "es")
    assert "Escrito por Dra. Helen Marsh, especialista en psiquiatría (persona ficticia)" in text
    assert "Revisión médica: Lucía Navarro, Médica psiquiatra (persona ficticia)" in text
    assert "Traducido por Carmen Ortega (persona ficticia)" in text
    assert "Traducción revisada por Diego Ramos, Revisor de traducciones al español (persona ficticia)" in text
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["reviewedBy"]["description"] == "Persona ficticia: este es un contenido de demostración."
    sheet = " ".join(
        soup(client.get(version("esketamine-and-ketamine-for-depression", "es").url + "?view=bilingual"))
        .get_text(" ")
        .split()
    )
    assert "Traducido por Carmen Ortega (persona ficticia)" in sheet
    assert "Medically reviewed by Rahul Mehta, MRCPsych, consultant psychiatrist (fictional person)" in sheet


def test_the_api_and_the_admin_editor_show_the_credits_as_fictional(client, demo):
    spanish = version("esketamine-and-ketamine-for-depression", "es")
    data = client.get(f"/api/v2/articles/{spanish.pk}/").json()
    assert data["reviewed_by"].endswith("(persona ficticia)") and data["author"].endswith("(persona ficticia)")
    assert client.login(username="admin", password="carelingua-demo")
    english = version("esketamine-and-ketamine-for-depression", "en")
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Rahul Mehta, MRCPsych, consultant psychiatrist (fictional person)" in html
    assert "Dr Helen Marsh, consultant psychiatrist (fictional person)" in html


def test_a_real_person_is_credited_without_a_fictional_marker(client, article):
    from tests.factories import publish_reviewed

    ReviewerProfile.objects.filter(user__username="reviewer_en").update(fictional=False)
    article.search_description += " Checked again."
    article.save_revision()
    page = publish_reviewed(article)
    assert page.reviewed_by == "Rahul Mehta, MRCPsych, consultant psychiatrist"
    _text, rendered = article_text(client, "en")
    credits = [" ".join(li.get_text(" ").split()) for li in rendered.select(".trust__list li")]
    assert "Medically reviewed by Rahul Mehta, MRCPsych, consultant psychiatrist" in credits
    assert "description" not in json.loads(rendered.find("script", type="application/ld+json").string)["reviewedBy"]


# ---------- Do and don't lists, right-to-left numbers ----------


@pytest.mark.parametrize(
    ("language", "do", "dont"),
    [("es", "haga esto:", "no haga esto:"), ("pl", "zrób to:", "nie rób tego:"), ("zh-hans", "要：", "不要：")],
)
def test_screen_readers_hear_do_not_as_an_imperative_never_a_recommendation(client, demo, language, do, dont):
    _text, page = article_text(client, language)
    labels = [span.get_text(strip=True) for span in page.select(".do-dont__list--dont .visually-hidden")]
    assert labels and set(labels) == {dont}
    assert {s.get_text(strip=True) for s in page.select(".do-dont__list--do .visually-hidden")} == {do}
    assert not {"no se recomienda:", "niezalecane:", "不应该做："} & set(labels)


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_doses_and_percentages_on_right_to_left_pages_keep_their_order(client, demo, language):
    _text, page = article_text(client, language)
    isolated = {bdi.get_text() for bdi in page.select(".article__body bdi[dir=ltr], .at-a-glance bdi[dir=ltr]")}
    assert {"56", "84", "28", "0.5", "22.5%", "7.6%", "2019"} <= isolated


def test_left_to_right_pages_are_left_as_they_are(client, demo):
    _text, page = article_text(client, "es")
    assert page.select(".article__body bdi[dir=ltr]") == []
