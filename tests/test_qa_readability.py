"""Readability: only validated metrics, and everything works with the network unavailable."""

import socket

import pytest

from translations.readability import MIN_WORDS, metrics_for, readability

ENGLISH = (
    "You have esketamine at a certified clinic. You spray it into your nose yourself. "
    "A nurse or doctor watches you. You stay at the clinic for at least 2 hours after your dose. "
    "Staff check your blood pressure before and after each dose. They will tell you when you can go home. "
    "Do not drive until the next day, after you have slept. Plan how you will get home before each session. "
    "Stop eating 2 hours before your session. Stop drinking 30 minutes before your session. "
    "Tell your care team if you are pregnant. Do not stop your antidepressant without talking to your doctor. "
    "Esketamine can make you sleepy. It can also make you feel detached from yourself. These effects "
    "usually pass within 2 hours."
)
SPANISH = (
    "La esketamina se recibe en una clínica certificada. Usted mismo se aplica el espray en la nariz. "
    "Una enfermera o un médico le observa. Usted se queda en la clínica al menos 2 horas después de la dosis. "
    "El personal le toma la presión arterial antes y después de cada dosis. Le dirán cuándo puede volver a casa. "
    "No conduzca hasta el día siguiente, después de haber dormido. Planifique cómo va a volver a casa antes de "
    "cada sesión. Deje de comer 2 horas antes de la sesión. Deje de beber 30 minutos antes de la sesión. "
    "Informe a su equipo médico si está embarazada. No deje el antidepresivo sin hablar antes con su médico."
)
POLISH = (
    "Esketaminę podaje się w certyfikowanej klinice. Sam wstrzykujesz lek do nosa. Pielęgniarka lub lekarz "
    "cię obserwuje. Po podaniu dawki zostajesz w klinice co najmniej 2 godziny. " * 4
)
ARABIC = "تأخذ إسكيتامين في عيادة معتمدة، وتبقى فيها ساعتين (2) على الأقل حتى يتمكّن العاملون فيها من متابعة حالتك. " * 8
URDU = "آپ خوراک کے بعد کم از کم 2 گھنٹے کلینک میں رہتے ہیں۔ عملہ آپ کا بلڈ پریشر دوبارہ چیک کرتا ہے۔ " * 8
CHINESE = "用药后您要在诊所至少停留2小时。工作人员会再次为您测量血压。他们会告诉您什么时候可以离开。" * 8


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails, as it would on an offline server."""

    def refuse(*args, **kwargs):
        raise OSError("network is unavailable in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_network_is_really_unavailable():
    with pytest.raises(OSError):
        socket.create_connection(("pypi.org", 443), timeout=1)


def test_english_gets_flesch_kincaid_and_a_reading_age():
    result = readability(ENGLISH, "en")
    assert result.validated and result.words >= MIN_WORDS
    (score,) = result.scores  # SMOG only from 30 sentences
    assert score.metric.key == "flesch_kincaid_grade"
    assert score.reading_age == pytest.approx(score.value + 5)
    assert 5 <= score.reading_age <= 12, "short plain sentences read at about 9 to 11"
    assert score.meets_target


def test_english_smog_needs_30_sentences():
    result = readability([ENGLISH] * 3, "en")
    assert [s.metric.key for s in result.scores] == ["flesch_kincaid_grade", "smog_index"]


def test_harder_english_scores_a_higher_reading_age():
    hard = (
        "Esketamine, the S-enantiomer of racemic ketamine, is a non-competitive N-methyl-D-aspartate receptor "
        "antagonist administered intranasally under supervision in certified healthcare settings, "
        "necessitating post-administration monitoring for dissociation, sedation and hypertension. "
    ) * 5
    assert readability(hard, "en").scores[0].reading_age > readability(ENGLISH, "en").scores[0].reading_age


def test_spanish_uses_its_own_formulas():
    result = readability(SPANISH, "es")
    assert [s.metric.key for s in result.scores] == ["szigriszt_pazos", "fernandez_huerta"]
    assert all(score.reading_age is None for score in result.scores), "no grade: a Spanish score is not a US grade"
    assert 50 < result.scores[0].value < 120


@pytest.mark.parametrize("language, text", [("pl", POLISH), ("ar", ARABIC), ("ur", URDU), ("zh-hans", CHINESE)])
def test_no_validated_metric_rather_than_a_wrong_number(language, text):
    result = readability(text, language)
    assert not result.validated and result.scores == ()
    assert result.message.startswith("No validated readability metric for")
    assert metrics_for(language) == []
    assert result.target == "no validated metric" and result.lines() == [(result.message, None)]


def test_each_scored_line_gives_its_target_and_english_aims_at_a_reading_age_of_9_to_11():
    result = readability([ENGLISH] * 3, "en")
    assert result.target == "reading age 9 to 11"
    (fk_text, fk_meets), (smog_text, _meets) = result.lines()
    assert fk_text.startswith("Flesch-Kincaid grade: reading age ") and fk_text.endswith(
        "(target: reading age 9 to 11)"
    )
    assert fk_meets is True and smog_text.endswith("(target: reading age 9 to 11)")


def test_a_text_too_short_to_score_still_shows_the_target():
    ((text, meets),) = readability("Toma la dosis con agua.", "es").lines()
    assert text.startswith("Too short to score") and meets is None
    assert text.endswith("(target: Szigriszt-Pazos (INFLESZ): 65 or higher; Fernández-Huerta: 80 or higher)")


@pytest.mark.parametrize(
    "language, key", [("de", "wiener_sachtextformel"), ("fr", "flesch_reading_ease"), ("it", "gulpease_index")]
)
def test_other_validated_languages(language, key):
    text = {
        "de": "Sie bekommen das Medikament in einer Klinik. Danach bleiben Sie mindestens zwei Stunden dort. ",
        "fr": "Vous recevez le médicament dans une clinique. Ensuite, vous restez au moins deux heures sur place. ",
        "it": "Ricevi il farmaco in una clinica. Poi resti lì per almeno due ore dopo la dose. ",
    }[language] * 10
    (score,) = readability(text, language).scores
    assert score.metric.key == key


def test_short_texts_are_not_scored():
    result = readability("Side effects.", "en")
    assert result.validated and result.scores == () and "Too short" in result.message


def test_segments_are_read_as_sentences_without_placeholders():
    segments = ["Side effects", "Common side effects include:", "feeling <1>dizzy</1>", *ENGLISH.split(". ")]
    result = readability(segments, "en")
    assert result.sentences >= 15
    assert result.scores[0].value < 8
