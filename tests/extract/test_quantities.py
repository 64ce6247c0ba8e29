"""The quantities extractor: spans, values, kinds, units, qualifiers and changes."""

from __future__ import annotations

import pytest

from claimledger.extract.quantities import extract_quantities
from claimledger.model import Document, Quantity


def found(text: str, lang: str = "en") -> list[Quantity]:
    qs = extract_quantities(Document(text=text, language=lang))
    for q in qs:
        assert text[q.start:q.end] == q.text
    return qs


def only(text: str, lang: str = "en") -> Quantity:
    qs = found(text, lang)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# --- numbers and separators ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("The court has logged 12,407 complaints so far.", "en", "12,407", 12407),
        ("Суд зарегистрировал 12 407 жалоб.", "ru", "12 407", 12407),
        ("Суд зареєстрував 12\u00a0407 скарг.", "uk", "12\u00a0407", 12407),
        ("Das Gericht zählte 12\u202f407 Beschwerden.", "de", "12\u202f407", 12407),
        ("Das Gericht zählte 12.407 Beschwerden.", "de", "12.407", 12407),
        ("Суд получил 12.407 жалоб.", "ru", "12.407", 12407),
        ("Sie erreichten 71,6 % der Stimmen.", "de", "71,6 %", 71.6),
    ],
)
def test_separators_follow_the_language(text: str, lang: str, surface: str, value: float) -> None:
    q = only(text, lang)
    assert q.text == surface
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Officials counted 2.4 million displaced residents.", "en", "2.4 million", 2.4e6),
        ("Bыделено 4,2 млрд рублей.", "ru", "4,2 млрд рублей", 4.2e9),
        ("Потрібно 3 трлн гривень.", "uk", "3 трлн гривень", 3e12),
        ("Около 15 тыс. человек вышли.", "ru", "15 тыс.", 15000),
        ("Прибуло 40 тис. біженців.", "uk", "40 тис.", 40000),
        ("Geplant sind 2,5 Mio. Euro.", "de", "2,5 Mio. Euro", 2.5e6),
        ("Die Kosten liegen bei 7 Mrd. Euro.", "de", "7 Mrd. Euro", 7e9),
        ("The plan puts 4 million 250 thousand people at risk.", "en",
         "4 million 250 thousand", 4.25e6),
    ],
)
def test_magnitudes_are_expanded(text: str, lang: str, surface: str, value: float) -> None:
    q = only(text, lang)
    assert q.text == surface
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("The patrol found five abandoned trucks.", "en", "five", 5),
        ("A dozen boats were seen near the pier.", "en", "A dozen", 12),
        ("Волонтери доставили півтори тисячі аптечок.", "uk", "півтори тисячі", 1500),
        ("Город принял тысячу беженцев.", "ru", "тысячу", 1000),
        ("Die Kommission schickte zwei Beobachter.", "de", "zwei", 2),
        ("Rescuers reached two hundred and forty villagers.", "en",
         "two hundred and forty", 240),
    ],
)
def test_number_words(text: str, lang: str, surface: str, value: float) -> None:
    q = only(text, lang)
    assert (q.text, q.value, q.kind) == (surface, pytest.approx(value), "count")


# --- ratios and multipliers ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Roughly half of the bridges were damaged.", "en", "half", 0.5),
        ("A third of the convoy turned back.", "en", "A third", 1 / 3),
        ("Two-thirds of the budget went to repairs.", "en", "Two-thirds", 2 / 3),
        ("One in five shelters lacked heating.", "en", "One in five", 0.2),
        ("Prices rose to twice the level of spring.", "en", "twice", 2),
        ("Exports grew five-fold over the decade.", "en", "five-fold", 5),
        ("Расходы выросли в полтора раза.", "ru", "полтора раза", 1.5),
        ("Die Hälfte der Häuser ist zerstört.", "de", "Hälfte", 0.5),
    ],
)
def test_fractions_and_multipliers_are_ratios(
    text: str, lang: str, surface: str, value: float
) -> None:
    q = only(text, lang)
    assert (q.text, q.kind) == (surface, "ratio")
    assert q.value == pytest.approx(value, rel=1e-3)


# --- ranges -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "surface", "low", "high", "kind"),
    [
        ("Inflation may reach 10-15% this winter.", "en", "10-15%", 10, 15, "percent"),
        ("They face from 5 to 10 years in jail.", "en", "5 to 10 years", 5, 10, "duration"),
        ("Им грозит от пяти до десяти лет.", "ru", "пяти до десяти лет", 5, 10, "duration"),
        ("Between 300 and 400 workers left.", "en", "300 and 400", 300, 400, "count"),
        ("Losses were put at 150,000-190,000 men.", "en", "150,000-190,000", 150000, 190000,
         "count"),
    ],
)
def test_ranges_give_low_and_high(
    text: str, lang: str, surface: str, low: float, high: float, kind: str
) -> None:
    q = only(text, lang)
    assert (q.text, q.value, q.value_high, q.kind) == (surface, low, high, kind)


def test_falling_from_to_is_two_figures_not_a_range() -> None:
    qs = found("Daily arrivals dropped from 640 to 410 in a month.")
    assert [q.value for q in qs[:2]] == [640, 410]
    assert all(q.value_high is None for q in qs)


# --- increments ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Trucks: 2,311 (+47) since the spring.", "en", "+47", 47),
        ("Загони втратили ще 1730 бійців.", "uk", "1730", 1730),
        ("The ministry registered another 2,000 claims over the past day.", "en", "2,000", 2000),
        ("Fuel prices were up by 9% on the month.", "en", "9%", 9),
        ("The number of crossings fell by 315.", "en", "315", 315),
        ("Кількість звернень зменшилася на 8%.", "uk", "8%", 8),
        ("The survey found a 40% increase in requests.", "en", "40%", 40),
    ],
)
def test_increments_are_changes(text: str, lang: str, surface: str, value: float) -> None:
    q = [x for x in found(text, lang) if x.text == surface]
    assert q and q[0].change and q[0].value == value


def test_a_new_total_is_not_a_change() -> None:
    q = only("Staff numbers increased to 4,500.")
    assert not q.change


# --- kinds and units ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "surface", "value", "kind", "unit"),
    [
        ("The fund pays $3.5bn a year.", "en", "$3.5bn", 3.5e9, "money", "USD"),
        ("A grant of USD 400 was approved.", "en", "USD 400", 400, "money", "USD"),
        ("Штраф составил 500 руб. за день.", "ru", "500 руб.", 500, "money", "RUB"),
        ("Штраф становить 850 грн на місяць.", "uk", "850 грн", 850, "money", "UAH"),
        ("Aid worth €12 million arrived.", "en", "€12 million", 1.2e7, "money", "EUR"),
        ("Britain pledged £40m for demining.", "en", "£40m", 4e7, "money", "GBP"),
        ("The Kremlin offered 20 000 ₽ per head.", "ru", "20 000 ₽", 20000, "money", "RUB"),
        ("He signed a 10-year lease.", "en", "10-year", 10, "duration", "year"),
        ("He signed a 10 year lease.", "en", "10 year", 10, "duration", "year"),
        ("Навчання тривало два роки.", "uk", "два роки", 2, "duration", "year"),
        ("Der Einsatz dauerte drei Monaten lang.", "de", "drei Monaten", 3, "duration", "month"),
        ("The column moved 45 km overnight.", "en", "45 km", 45, "measure", "km"),
        ("Floods covered 120 km² of farmland.", "en", "120 km²", 120, "measure", "km2"),
        ("The drone flew at 180 km/h.", "en", "180 km/h", 180, "measure", "km/h"),
        ("A 250 kg bomb hit the depot.", "en", "250 kg", 250, "measure", "kg"),
        ("The plant produces 900 MW of power.", "en", "900 MW", 900, "measure", "MW"),
        ("Unemployment stood at 6 per cent.", "en", "6 per cent", 6, "percent", None),
        ("Безработица составила 6 процентов.", "ru", "6 процентов", 6, "percent", None),
        ("Безробіття сягнуло 6 відсотків.", "uk", "6 відсотків", 6, "percent", None),
        ("Die Quote lag bei 6 Prozent.", "de", "6 Prozent", 6, "percent", None),
        ("Posted by a reporter, 4 min read.", "en", "4 min", 4, "other", None),
    ],
)
def test_kinds_and_units(
    text: str, lang: str, surface: str, value: float, kind: str, unit: str | None
) -> None:
    q = only(text, lang)
    assert (q.text, q.kind, q.unit) == (surface, kind, unit)
    assert q.value == pytest.approx(value)


def test_compound_duration_is_read_in_the_first_unit() -> None:
    q = only("He served one year and six months in a camp.")
    assert (q.text, q.unit) == ("one year and six months", "year")
    assert q.value == pytest.approx(1.5)


def test_age_is_a_duration_in_years() -> None:
    q = only("Men aged 20-45 must register.")
    assert (q.kind, q.unit, q.value, q.value_high) == ("duration", "year", 20, 45)


# --- qualifiers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "approx"),
    [
        ("About 300 families fled.", "en", "about"),
        ("Some 300 families fled.", "en", "about"),
        ("Nearly 300 families fled.", "en", "about"),
        ("~300 families fled.", "en", "about"),
        ("Бежали около 300 семей.", "ru", "about"),
        ("Втекли близько 300 родин.", "uk", "about"),
        ("Es flohen rund 300 Familien.", "de", "about"),
        ("More than 300 families fled.", "en", "over"),
        ("In excess of 300 families fled.", "en", "over"),
        ("Втекли понад 300 родин.", "uk", "over"),
        ("Бежали свыше 300 семей.", "ru", "over"),
        ("Es flohen mehr als 300 Familien.", "de", "over"),
        ("Fewer than 300 families fled.", "en", "under"),
        ("Бежали менее 300 семей.", "ru", "under"),
        ("Es flohen weniger als 300 Familien.", "de", "under"),
        ("At least 300 families fled.", "en", "at_least"),
        ("Втекли щонайменше 300 родин.", "uk", "at_least"),
        ("Es flohen mindestens 300 Familien.", "de", "at_least"),
        ("Up to 300 families fled.", "en", "at_most"),
        ("Es flohen bis zu 300 Familien.", "de", "at_most"),
        ("Им грозит до 300 дней ареста.", "ru", "at_most"),
        ("The toll passed 3,000+ this week.", "en", "over"),
    ],
)
def test_qualifiers_set_approx(text: str, lang: str, approx: str) -> None:
    q = only(text, lang)
    assert q.approx == approx
    assert "300" in q.text or "3,000" in q.text


def test_plus_after_a_figure_is_kept_in_the_span() -> None:
    assert only("Officials logged 6,000+ reports.").text == "6,000+"


def test_qualifier_is_not_part_of_the_span() -> None:
    assert only("More than 75% of voters agreed.").text == "75%"


# --- things that are not quantities ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The treaty was signed on 12 March 2019.", "en"),
        ("The treaty was signed on March 12, 2019.", "en"),
        ("Договор подписали 12 марта.", "ru"),
        ("Договір підписали 12 березня.", "uk"),
        ("Der Vertrag wurde am 12. März unterzeichnet.", "de"),
        ("The talks resumed in 2021.", "en"),
        ("The briefing starts at 14:30 sharp.", "en"),
        ("The sirens sounded at 9 a.m. and again at 6pm.", "en"),
        ("The leaders of the two countries met; the first two talks failed.", "en"),
        ("He was charged under Article 328 of the code.", "en"),
        ("Его судят по ч. 2 ст. 328 УК.", "ru"),
        ("The jets were Su-25 and MiG-29 models.", "en"),
        ("A Tu-95MS and a Shahed-131 were tracked.", "en"),
        ("The 93rd brigade held the line.", "en"),
        ("It was the third attempt to cross.", "en"),
        ("Call +380 44 555 12 34 for help.", "en"),
        ("See https://example.org/report/2024/77 for details.", "en"),
        ("One of the drivers refused to talk.", "en"),
        ("Dozens of shops and hundreds of flats burned.", "en"),
        ("Тысячи людей вышли на улицы.", "ru"),
    ],
)
def test_non_quantities_are_skipped(text: str, lang: str) -> None:
    assert found(text, lang) == []


def test_list_labels_are_skipped() -> None:
    qs = found("Findings:\n1. Roads were mined.\n2. Power failed in 40 towns.")
    assert [q.text for q in qs] == ["40"]


def test_first_half_of_a_year_is_a_time() -> None:
    assert found("Output grew in the first half of the year.") == []


def test_additional_is_a_change_only_towards_a_new_total() -> None:
    q = found("The army will expand with an additional 180,000 personnel to 1.5 million.")[0]
    assert q.change is True
    assert only("Moscow plans to recruit an additional 400,000 troops.").change is False


def test_bare_age_after_was() -> None:
    q = only("He was 21.")
    assert (q.kind, q.unit, q.value) == ("duration", "year", 21)


def test_number_at_the_very_start_of_a_text() -> None:
    assert only("5 soldiers were wounded.").value == 5


def test_over_after_a_figure_spans_a_period() -> None:
    qs = found("Kyiv wants $40bn in aid over five years.")
    assert [(q.text, q.approx) for q in qs] == [("$40bn", "exact"), ("five years", "exact")]
    assert only("The war has lasted over three years.").approx == "over"


# --- robustness ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["", "-", "+", "%", "$", "1" * 5000, "1,2,3,4,5,6,7" * 300, "a " * 2000, "½", "£m",
     "between 5 and", "from 3 to", "2 million 3", "(+)", "1.2.3.4.5", "one " * 500],
)
def test_odd_input_does_not_raise(text: str) -> None:
    for lang in ("en", "ru", "uk", "de", None):
        qs = extract_quantities(Document(text=text, language=lang))
        for q in qs:
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start:q.end] == q.text
