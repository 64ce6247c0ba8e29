"""What a figure counts, as concepts: the word stems that name each concept, per language.

An automatic thing (a figure whose words name no bundled metric) is the set of concepts its
``what`` names, so "North Korean casualties", "потери северокорейских военных" and
"nordkoreanische Verluste" are one thing. Entries are lower-case word beginnings ("casualt"
matches "casualties"); a leading ``=`` asks for the whole word ("=dead", not "deadline"), a
leading ``*`` for a part of a word (German compounds: "*verlust" in "Kriegsverluste"); words
separated by spaces must follow each other ("remain in force").

Each concept has a tier: 1 for what a money, time or production figure measures (spending, a
bonus, a treaty's term, production), 2 for what happens to people or things (deaths, wounded,
losses, deployment, recruitment), 3 for the entities counted (personnel, drones). A thing keeps
the concepts of the highest tier its words name, plus, for tier 2 and production, the entity
they happen to (named, else the one they imply: deaths happen to personnel).
"""

from __future__ import annotations

from collections.abc import Mapping

# concept -> language -> entries
CONCEPTS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    # tier 1: what a money, duration or production figure measures
    "spending": {
        "en": ("spending", "spend", "spent", "expenditure", "budget", "outlay"),
        "ru": ("расход", "затрат", "бюджет", "трат", "потрат"),
        "uk": ("видатк", "витрат", "бюджет", "витратил"),
        "de": ("ausgaben", "*ausgaben", "haushalt", "budget", "etat", "gab aus", "ausgegeben"),
    },
    "bonus": {
        "en": ("bonus", "sign-on", "signing-on", "payment", "payout", "=pay", "allowance"),
        "ru": ("выплат", "бонус", "единовремен", "подъемн"),
        "uk": ("виплат", "бонус", "одноразов"),
        "de": ("prämie", "*prämie", "bonus", "zahlung", "*zahlung", "handgeld"),
    },
    "salary": {
        "en": ("salary", "salaries", "wage", "earning"),
        "ru": ("зарплат", "жалован", "довольств", "оклад"),
        "uk": ("зарплат", "платн", "грошове забезпечення", "оклад"),
        "de": ("gehalt", "=sold", "lohn", "*gehalt"),
    },
    "agreement": {
        "en": ("treaty", "pact", "agreement", "=accord", "=accords", "framework", "remain in force",
               "remain effective", "remain valid", "in force", "validity"),
        "ru": ("договор", "соглашен", "пакт", "срок действ", "будет действ"),
        "uk": ("договір", "договор", "угод", "пакт", "чинн", "діятиме", "строк дії"),
        "de": ("vertrag", "*vertrag", "abkommen", "pakt", "gültig", "laufzeit", "in kraft"),
    },
    "production": {
        "en": ("production", "produced", "produce", "producing", "producer", "manufactur",
               "output", "=build", "=built"),
        "ru": ("производ", "произвед", "выпуск", "изготов", "собира"),
        "uk": ("виробн", "виробля", "випуск", "виготов", "виготовля"),
        "de": ("produktion", "produzi", "*produktion", "herstell", "hergestellt", "fertig"),
    },
    "suspended": {  # a sentence not served ("suspended sentences", "условный срок")
        "en": ("suspended sentence", "suspended term", "suspended prison", "receive suspended",
               "given suspended", "probation"),
        "ru": ("условн срок", "условн приговор", "условн наказан", "условн осужд"),
        "uk": ("умовн строк", "умовн термін", "умовн вирок", "умовн покаранн", "умовн засудж"),
        "de": ("bewährung", "*bewährung"),
    },
    "deficit": {
        "en": ("deficit", "shortfall"),
        "ru": ("дефицит",),
        "uk": ("дефіцит",),
        "de": ("defizit", "*defizit", "haushaltsdefizit"),  # longer than "haushalt"
    },
    # tier 2: what happens to people or things
    "death": {
        "en": ("=dead", "death", "died", "=dying", "fatalit", "killed", "=kill", "=fallen",
               "perish", "lost their lives", "=named", "identified by name", "obituar"),
        "ru": ("погиб", "гибел", "убит", "смерт", "мертв", "=убиты", "умерл", "установили имена",
               "установили личност", "поименн", "некролог", "=имена"),
        "uk": ("загин", "загибл", "загибел", "вбит", "смерт", "мертв", "полегл", "помер",
               "встановили імена", "встановили особ", "поіменн", "некролог", "=імена"),
        "de": ("=tot", "=tote", "=toten", "todesopfer", "getötet", "gefallen",
               "gestorben", "=starben", "ums leben", "namentlich", "nachruf"),
    },
    "wounded": {
        "en": ("wound", "injur"),
        "ru": ("ранен", "ранены"),
        "uk": ("поранен", "травмован"),
        "de": ("verwund", "verletz"),
    },
    "loss": {
        "en": ("casualt", "losses", "=loss", "=lost", "=lose", "=losing"),
        "ru": ("потер", "потеря"),
        "uk": ("втрат", "втратил", "втрачен"),
        "de": ("verlust", "*verlust", "verlor"),
    },
    "destruction": {
        "en": ("destroy", "destruction"),
        "ru": ("уничтож",),
        "uk": ("знищ",),
        "de": ("zerstör", "vernicht"),
    },
    "irrecoverable": {
        "en": ("permanent", "irrecoverable", "irretrievable"),
        "ru": ("безвозвратн",),
        "uk": ("безповоротн",),
        "de": ("unwiederbringlich", "dauerhaft"),
    },
    "deployment": {
        "en": ("deploy", "=sent", "=send", "dispatch", "station", "transferred"),
        "ru": ("направ", "отправ", "размещ", "переброс", "развернут"),
        "uk": ("направ", "відправ", "розміщ", "перекин", "розгорнут"),
        "de": ("entsand", "stationier", "geschickt", "verlegt", "entsendet"),
    },
    "recruitment": {
        "en": ("recruit", "enlist", "contract", "volunteer", "=attract"),
        "ru": ("вербов", "завербов", "набор", "набрать", "контракт", "доброволь"),
        "uk": ("вербув", "завербув", "набор", "набрат", "контракт", "доброволь"),
        "de": ("rekrut", "anwerb", "angeworben", "vertragssoldat", "zeitsoldat", "freiwillig",
               "*rekrut"),
    },
    "conscription": {
        "en": ("conscript", "draft", "call-up", "called up", "compulsory service"),
        "ru": ("призыв", "призван", "срочн"),
        "uk": ("призов", "призва", "строков"),
        "de": ("einberuf", "einzieh", "wehrpflicht", "*wehrdienst"),
    },
    "strength": {  # the size of an army (its strength, planned or reached), not of its losses
        "en": ("size of the armed", "size of the army", "size of the military",
               "size of its forces", "size of the russian military", "size of the russian armed",
               "number of armed forces", "number of the armed forces", "strength of the armed",
               "to be enlarged", "enlarge the army", "enlarge its army", "headcount"),
        "ru": ("численност вооруж", "численност арми", "численност войск", "численност личн",
               "штатн численност"),
        "uk": ("чисельніст збройн", "чисельніст армі", "чисельніст військ", "чисельніст особов",
               "штатн чисельніст"),
        "de": ("personalstärke", "truppenstärke", "sollstärke", "stärke der streitkräfte",
               "größe der streitkräfte", "größe der armee"),
    },
    # tier 3: the entities counted
    "personnel": {
        "en": ("troop", "soldier", "servicem", "servicewom", "personnel", "fighter",
               "armed forces", "=army", "=forces", "service members", "military personnel",
               "recruits", "officer"),
        "ru": ("солдат", "военн", "военнослужащ", "войск", "бойц", "боец", "личн", "арми",
               "военнослужа", "контрактник", "офицер", "армі"),
        "uk": ("солдат", "військов", "бійц", "боєць", "вояк", "армі", "особов", "офіцер",
               "контрактник"),
        "de": ("soldat", "truppe", "*truppe", "militärangehör", "armeeangehör", "kämpfer",
               "streitkräfte", "=armee", "offizier", "*soldat"),
    },
    "equipment": {
        "en": ("vehicle", "equipment", "armor", "armour", "=tank", "=tanks", "=cars", "ship",
               "naval", "=boat", "=boats", "aircraft", "=plane", "=planes", "airplane",
               "artillery", "helicopter", "launcher", "submarine", "hardware"),
        "ru": ("техник", "машин", "бронетехн", "танк", "автомоб", "корабл", "катер", "самолет",
               "вертолет", "артиллер", "подводн"),
        "uk": ("технік", "машин", "бронетехн", "танк", "автомоб", "корабл", "катер", "літак",
               "гелікоптер", "вертоліт", "артилер", "підводн"),
        "de": ("fahrzeug", "*fahrzeug", "ausrüstung", "panzer", "*panzer", "tank", "schiff",
               "*schiff", "flugzeug", "*flugzeug", "hubschrauber", "artiller", "u-boot",
               "*geschütz", "*technik"),
    },
    "drone": {
        "en": ("drone", "uav", "shahed", "geran", "gerbera", "unmanned"),
        "ru": ("дрон", "бпла", "беспилот", "шахед", "герань"),
        "uk": ("дрон", "бпла", "безпілот", "шахед", "герань"),
        "de": ("drohne", "*drohne"),
    },
    "missile": {
        "en": ("missile", "rocket"),
        "ru": ("ракет",),
        "uk": ("ракет",),
        "de": ("rakete", "*rakete", "marschflugkörper"),
    },
}

# qualifiers: concepts that tell apart kinds of a tier-1 thing (defence spending, a federal
# bonus); read from the ``what`` only, but a bonus's level also from its clause
QUALIFIERS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "defence": {
        "en": ("defen", "military"),
        "ru": ("оборон", "военн", "силов"),
        "uk": ("оборон", "військов", "силов"),
        "de": ("verteidigung", "*verteidigung", "militär", "*rüstung", "rüstung", "wehretat"),
    },
    "security": {
        "en": ("security", "safety", "law enforcement"),
        "ru": ("безопасн", "правоохран"),
        "uk": ("безпек", "правоохорон"),
        "de": ("sicherheit", "*sicherheit"),
    },
    "combined": {
        "en": ("combined", "=total", "package", "altogether", "in all"),
        "ru": ("в сумме", "суммарн", "вместе с"),
        "uk": ("сумарн", "разом з", "загалом"),
        "de": ("zusammen", "=gesamt", "insgesamt", "kombiniert"),
    },
    "federal": {
        "en": ("federal", "president", "nationwide", "kremlin"),
        "ru": ("федеральн", "президент", "кремл"),
        "uk": ("федеральн", "президент", "кремл"),
        "de": ("föderal", "bundes", "präsident", "kreml"),
    },
    "regional": {
        "en": ("region", "oblast", "republic", "governor", "krai", "province"),
        "ru": ("регион", "област", "республик", "губернатор", "краев", "=края", "=край"),
        "uk": ("регіон", "област", "республік", "губернатор", "краю", "=край"),
        "de": ("region", "oblast", "republik", "gouverneur", "provinz"),
    },
}
QUALIFIES: Mapping[str, frozenset[str]] = {
    "defence": frozenset({"spending", "deficit"}),
    "security": frozenset({"spending"}),
    "combined": frozenset({"bonus"}),
    "federal": frozenset({"bonus"}),
    "regional": frozenset({"bonus"}),
}
QUALIFIER_FROM_CLAUSE = frozenset({"regional"})
# things whose payer tells them apart: the names (capitalised words no table knows) in their
# ``what`` qualify them ("Tatarstan raised its bonus" is not the federal bonus)
NAMED = frozenset({"bonus", "salary"})

TIERS: Mapping[str, int] = {
    "spending": 1, "bonus": 1, "salary": 1, "agreement": 1, "production": 1, "deficit": 1,
    "suspended": 1,
    "death": 2, "wounded": 2, "loss": 2, "irrecoverable": 2,
    "destruction": 2, "deployment": 2, "recruitment": 2, "conscription": 2, "strength": 2,
    "personnel": 3, "drone": 3, "missile": 3, "equipment": 3,
}

# concepts that say nothing of a figure of some kind: time "spent" is no spending
NOT_FOR_KIND: Mapping[str, frozenset[str]] = {
    "duration": frozenset({"spending", "bonus", "salary", "deficit"}),
}

WITH_ENTITY = frozenset({"production", "death", "wounded", "loss", "deployment", "recruitment",
                         "irrecoverable", "destruction", "strength"})
IMPLIED_ENTITY: Mapping[str, str] = {
    "death": "personnel", "wounded": "personnel", "loss": "personnel",
    "deployment": "personnel", "recruitment": "personnel", "irrecoverable": "personnel",
    "destruction": "equipment", "strength": "personnel",
}
# concepts of a size at one moment (an army's strength): a month or year they are dated by is
# when they stood or are to stand, never a period they sum
STOCKS = frozenset({"strength"})
# concepts that together name another: killed and wounded are casualties
COMBINED: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"death", "wounded"}), "loss"),
    (frozenset({"death", "loss"}), "loss"),
)

# actor -> language -> entries (the country or force a figure is about)
ACTORS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "north_korea": {
        "en": ("north korea", "=dprk", "pyongyang", "korean"),
        "ru": ("северокоре", "кндр", "северной коре", "пхеньян", "корейск"),
        "uk": ("північнокоре", "кндр", "північної коре", "пхеньян", "корейськ"),
        "de": ("nordkorea", "demokratische volksrepublik korea", "pjöngjang", "koreanisch"),
    },
    "belarus": {
        "en": ("belarus", "minsk"),
        "ru": ("беларус", "белорус", "минск"),
        "uk": ("білорус", "мінськ"),
        "de": ("belarus", "weißruss", "minsk"),
    },
    "iran": {
        "en": ("iran", "tehran"),
        "ru": ("иран", "тегеран"),
        "uk": ("іран", "тегеран"),
        "de": ("iran", "teheran"),
    },
    "china": {
        "en": ("china", "chinese", "beijing"),
        "ru": ("китай", "китая", "кнр", "пекин"),
        "uk": ("китай", "китаю", "кнр", "пекін"),
        "de": ("china", "chinesisch", "peking"),
    },
    "ukraine": {
        "en": ("ukrainian",),
        "ru": ("украинск", "всу"),
        "uk": ("українськ", "зсу"),
        "de": ("ukrainisch",),
    },
    "russia": {
        "en": ("russia", "kremlin", "moscow"),
        "ru": ("росси", "российск", "=рф", "кремл", "москв"),
        "uk": ("росі", "російськ", "=рф", "кремл", "москв", "росіян"),
        "de": ("russland", "russisch", "kreml", "moskau"),
    },
}
# when several actors are named, the first of this order is the one a figure is about: the
# others are mostly where things happen ("North Korean troops sent to Russia")
ACTOR_ORDER = ("north_korea", "iran", "china", "belarus", "ukraine", "russia")

# who suffers a loss: a country (or its forces' adjective) written right before a verb of
# losing is the actor of the losses its sentence counts ("Ukraine has also suffered heavy
# losses, with Oryx counting 7,000 units lost"), even an actor that mostly reports counts
SUFFERER_NAMES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "ukraine": {"en": ("ukrain",), "ru": ("украин",), "uk": ("україн",), "de": ("ukrain",)},
    "russia": {"en": ("russia",), "ru": ("росси", "российск"), "uk": ("росі", "російськ"),
               "de": ("russland", "russisch")},
}
LOSS_VERBS: Mapping[str, tuple[str, ...]] = {
    "en": ("suffer", "lost", "lose", "loses", "losing"),
    "ru": ("потерял", "потеряв", "понесл", "понес"),
    "uk": ("втратил", "втратив", "зазнал", "зазна"),
    "de": ("verlor", "verlier", "erlitt", "erleid"),
}
# the words that join two sufferers into one ("Ukraine and Russia have lost"): the losses of
# both sides together, the series of neither
SUFFERERS_JOINED: Mapping[str, tuple[str, ...]] = {
    "en": ("and",), "ru": ("и",), "uk": ("і", "й", "та"), "de": ("und",),
}
BOTH_SIDES = "both_sides"  # the actor of losses two sufferers suffer together
# the events a sufferer suffers: losses of its people or things (not the size of its army)
SUFFERED = frozenset({"loss", "death", "wounded", "irrecoverable", "destruction"})
SUFFERER_WINDOW = 2  # words between the sufferer and its verb, at most ("has also suffered")

# the sides of the war the reports count, fighting along the whole front: a region their
# figures name narrows them ("Russian losses in the Kursk region"). Any other actor's forces
# are a contingent sent to one theatre, whose figures count it whole wherever they name it
BELLIGERENTS = frozenset({"russia", "ukraine"})
