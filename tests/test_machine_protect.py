"""Masking placeholders and terms, and the offline pseudo-localization backend: pure code, no database."""

import pytest

from tests.loopback import forbid_internet
from translations.machine import protect
from translations.machine.pseudo import PseudoBackend, pseudo_localize
from translations.machine.translator import MachineTranslator
from translations.richtext import check_markup


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    attempts = forbid_internet(monkeypatch)
    yield
    assert not attempts


SOURCE = "Take <1>56mg</1> of Spravato twice a week<2/> if your blood pressure is < 140 & stable."


def test_placeholders_and_terms_are_masked_and_text_is_escaped():
    masked = protect.mask(SOURCE, ["Spravato"])
    assert masked.text == (
        "Take <x1>56mg</x1> of <t1/> twice a week<x2/> if your blood pressure is &lt; 140 &amp; stable."
    )
    assert protect.unmask(masked, masked.text) == SOURCE


def test_an_untouched_answer_restores_the_source_exactly_in_both_styles():
    for style in (protect.XML, protect.BRACKETS):
        masked = protect.mask(SOURCE, ["spravato"], style)
        assert protect.unmask(masked, masked.text) == SOURCE


def test_terms_match_whole_words_ignoring_case_and_take_their_approved_rendering():
    masked = protect.mask("SPRAVATO, not Spravatoid.", {"Spravato": "سبرافاتو"})
    assert masked.text == "<t1/>, not Spravatoid."
    assert protect.unmask(masked, "<t1/>، لا") == "سبرافاتو، لا"


def test_a_plain_list_of_terms_keeps_each_term_as_written():
    masked = protect.mask("Esketamine (Spravato)", ["esketamine", "Spravato"])
    assert protect.unmask(masked, "(<t2/>) <t1/>") == "(Spravato) Esketamine"


def test_services_may_move_pairs_and_respell_masks():
    masked = protect.mask("Take <1>56mg</1> now <2/>.")
    answer = "< x2 / > Ahora tome <X1>56mg</ x1 >."
    assert protect.unmask(masked, answer) == "<2/> Ahora tome <1>56mg</1>."


def test_an_empty_element_written_as_a_pair_is_the_same_mask():
    masked = protect.mask("Ask about Spravato<2/>", ["Spravato"])
    assert protect.unmask(masked, "Pregunte por <t1></t1><x2></x2>") == "Pregunte por Spravato<2/>"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("Tome 56mg <x2/>", "The service dropped the placeholder <1>."),
        ("Tome <x1>56mg</x1> <x1>56mg</x1> <x2/>", "The service repeated the placeholder <1>."),
        ("Tome <x1>56mg</x1> <t1/> <x2/> <x9/>", "The service added a mask that was not in the text: <x9/>."),
        ("Tome <x1>56mg</x1> <x2/>", "The service dropped the term “Spravato”."),
    ],
)
def test_a_mangled_mask_is_rejected_with_a_reason(answer, reason):
    masked = protect.mask("Take <1>56mg</1> of Spravato <2/>", ["Spravato"])
    with pytest.raises(protect.MaskError) as error:
        protect.unmask(masked, answer)
    assert str(error.value) == reason


def test_escaped_text_cannot_smuggle_markup_in():
    masked = protect.mask("Use the <1>leaflet</1>.")
    restored = protect.unmask(masked, "Use el <x1>folleto</x1> &lt;script&gt;.")
    assert restored == "Use el <1>folleto</1> <script>."
    assert check_markup("Use the <1>leaflet</1>.", restored)  # the job rejects this suggestion


def test_pseudo_localization_accents_lengthens_and_keeps_masks_numbers_and_units():
    text = protect.mask("Take <1>56mg</1> twice a week, 84 mg <2/> with Spravato.", ["Spravato"]).text
    pseudo = pseudo_localize(text)
    assert pseudo.startswith("[Ţåķé <x1>56mg</x1> ţŵîçé å ŵééķ, 84 mg <x2/> ŵîţĥ <t1/>.")
    visible = "Take 56mg twice a week, 84 mg  with ."
    assert pseudo.endswith("]") and pseudo.count("~") >= 0.3 * len(visible), "a third longer"
    assert not any(char in pseudo for char in "TakwicehS"), "every letter is accented"


def test_pseudo_backend_translates_offline_and_keeps_every_placeholder():
    sources = ["Take <1>56mg</1> twice a week.", "Call <1>999</1> or <2>111</2><3/>.", "Side effects"]
    translator = MachineTranslator(PseudoBackend("pseudo", {}), "en", "pl", ["Spravato"])
    suggestions = translator.translate(sources)
    assert [s.problem for s in suggestions] == ["", "", ""]
    for source, suggestion in zip(sources, suggestions, strict=True):
        assert check_markup(source, suggestion.text) == []
        assert suggestion.text != source
    assert translator.requests == 1, "one request for the batch"
