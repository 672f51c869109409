"""Person names, first to last (spec/privacy.md), from Danmarks Statistik's first-name and
surname lists (ranked; see ``auditlib.privacy.resources``).

The lists hold every registered name, so they hold ordinary words too ("Sol", "Bo", "Det").
Rank and context decide: a first name followed by a surname or another capitalised name
word is a name at any rank ("Bente Singh" whole); so are initials ("M. Jensen"),
"Jensen, Mette", all caps ("METTE JENSEN") and genitives ("Mettes"). A first name alone is
a name when it is common enough and stands capitalised mid-sentence, starts a sentence
followed by a verb ("Mikkel har …"), or follows a relation or role word ("veninden Lise");
a surname alone only after such a word ("fru Jensen"). A run of capitalised words that
holds an institution word ("Niels Steensens Hospital", "Region Syddanmark",
"Psykiatrisk Afdeling Lund") is the name of a place or body, not of a person in the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from auditlib.privacy.recognizers.base import (
    LOWER,
    SPACE,
    UPPER,
    Candidate,
    Recognizer,
    sentence_start,
)
from auditlib.privacy.resources import first_name_ranks, surname_ranks

# A first name alone counts without a context word only when it is this common
# (rank in Danmarks Statistik's list); rarer entries are often ordinary words ("Han" 3741).
COMMON_RANK = 3000
# A first name that opens a full name may be rarer; beyond this the list is mostly noise.
FULL_NAME_RANK = 40000

# The lookbehind follows the first letter so the regex engine can skip to capitals fast.
_TOKEN = re.compile(
    rf"[{UPPER}](?<![\w\-][{UPPER}])(?:\.(?:{SPACE}?[{UPPER}]\.)*"
    rf"|[{LOWER}{UPPER}]*(?:-[{UPPER}][{LOWER}{UPPER}]*)*)(?![\w\-])")
# The quick check's words: capitalised runs (no lookarounds, so findall runs at C speed).
_QUICK = re.compile(rf"[{UPPER}][{LOWER}{UPPER}]*")
_INITIAL = re.compile(rf"[{UPPER}]\.(?:{SPACE}?[{UPPER}]\.)*$")
_GAP = re.compile(rf"{SPACE}$")

PERSON_CONTEXT = frozenset({
    "hedder", "kaldet", "kaldes", "navn", "navnet", "datter", "datteren", "søn", "sønnen", "mor",
    "moren", "moderen", "far", "faren", "faderen", "ægtefælle", "ægtefællen", "kæreste",
    "kæresten", "kontaktperson", "kontaktpersonen", "hr.", "hr", "fru", "frk.", "læge", "lægen",
    "overlæge", "overlægen", "sygeplejerske", "sygeplejersken", "bror", "broren", "søster",
    "søsteren", "manden", "konen", "hustru", "hustruen", "barnet", "veninde", "veninden", "ven",
    "vennen", "nabo", "naboen", "psykolog", "psykologen", "terapeut", "terapeuten", "pædagog",
    "pædagogen", "bostøtte", "bostøtten", "mentor", "mentoren", "sagsbehandler",
    "sagsbehandleren", "dr.", "kollega", "kollegaen", "kollegen", "chef", "chefen", "morbror",
    "moster", "faster", "farbror", "mormor", "morfar", "farmor", "farfar", "onkel", "tante",
    "kusine", "fætter", "niece", "nevø", "svigermor", "svigerfar", "svigerdatter", "svigersøn",
    "barnebarn", "barnebarnet", "stedfar", "stedmor", "papfar", "papmor", "plejemor",
    "plejefar", "partner", "partneren", "samlever", "samleveren", "forlovede", "eks-kæreste",
    "ekskæreste", "pårørende", "værge", "værgen", "bisidder", "bisidderen", "advokat",
    "advokaten", "ergoterapeut", "fysioterapeut", "socialrådgiver", "koordinator",
    "koordinatoren", "tovholder", "tovholderen", "v.", "børnene",
    "døtrene", "sønnerne", "drengen", "pigen", "lillebror", "storebror", "lillesøster",
    "storesøster", "hjemmevejleder", "støtteperson", "støttepersonen", "ledsager",
    "ledsageren", "sekretær", "sekretæren", "underskrevet"})
# "Mettes mor": a genitive before a relation word is a person whatever the name.
_RELATIONS = frozenset({"mor", "far", "datter", "søn", "bror", "søster", "mand", "kone",
                        "kæreste", "ægtefælle", "forældre", "børn", "barn", "familie", "ven",
                        "veninde", "mormor", "morfar", "farmor", "farfar", "hustru", "samlever",
                        "kontaktperson", "sagsbehandler", "læge", "lejlighed", "bolig"})
_PERSON_VERBS = frozenset({
    "har", "havde", "er", "var", "bor", "boede", "siger", "sagde", "fortæller", "fortalte",
    "ønsker", "ønskede", "går", "gik", "kan", "kunne", "vil", "ville", "skal", "skulle",
    "kommer", "kom", "ringer", "ringede", "arbejder", "føler", "følte", "oplever", "oplevede",
    "tager", "tog", "hjælper", "hjalp", "mener", "mente", "bliver", "blev", "får", "fik",
    "sover", "spiser", "deltager", "deltog", "beskriver", "beskrev", "virker", "synes",
    "syntes", "giver", "gav", "ser", "så", "vurderer", "vurderede", "tænker", "tror", "troede",
    "formår", "klarer", "klarede", "magter", "orker", "mødes", "møder", "mødte", "træner",
    "trænede", "starter", "startede", "begynder", "begyndte", "gør", "gjorde", "henvender",
    "skriver", "skrev", "udtrykker", "udtrykte", "fremstår", "fremstod", "kender", "husker",
    "glemmer", "drikker", "ryger", "bruger", "brugte", "lever", "levede", "bad", "beder",
    "savner", "elsker", "hader", "frygter", "håber", "mangler", "isolerer", "trives",
    "accepterer", "afviser", "afslår", "modtager", "modtog", "passer", "besøger", "besøgte"})
# Capitalised words that are names in the list but ordinary Danish words here.
NAME_WORDS = frozenset({
    "Bo", "Lise", "Storm", "Sol", "Hans", "Per", "Max", "Ask", "Eg", "Dag", "Glad", "Frank",
    "Vilde", "Mai", "Maj", "Ulv", "Bjørn", "Birk", "Sten", "Ro", "Tage", "August", "Tom",
    "Rene", "Sine", "Line", "Lykke", "Liv", "Saga", "Gry", "Rosa", "Flora", "Silke", "Aske",
    "Anker", "Lærke", "Viola", "Ravn", "Skov", "Bue", "Sommer", "Vinter", "Mars", "Engel",
    "Lund", "Mose", "Holm", "Dal", "Borg", "Mark", "Eng", "Ring", "Juni", "Juli", "Marts",
    "April", "Ingen", "Alle", "Disse", "Denne", "Dette", "Min", "Sin", "Mens", "Efter",
    "Under", "Over", "Frem", "Tid", "Fred", "Held", "Tone", "Vibe", "Milde", "Vita", "Nat",
    "Lin", "Kraft", "Mod", "Tro", "Håb", "Ære", "Bølge", "Klar", "Stille", "Fri", "Rask"})
# Capitalised words that never belong to a person's name: function words, and the words
# that make a run of capitalised words a place, a body or a law.
_FUNCTION_WORDS = frozenset({
    "Han", "Hun", "Den", "Det", "De", "Der", "Dem", "Jeg", "Vi", "Du", "Man", "Og", "Eller",
    "Men", "Som", "Med", "Til", "Fra", "For", "Af", "På", "Ved", "Hos", "Om", "Uden", "Mod",
    "Når", "Hvis", "Da", "Så", "Nu", "Her", "Hvor", "Hvad", "Hvem", "Hvordan", "Ikke",
    "Også", "Kun", "Jo", "Ja", "Nej", "Se", "Jf", "Bl", "Evt", "Ca", "Kl", "Nr", "Tlf", "Mv",
    "Et", "En", "Ind", "Ud", "Op", "Ned", "Sammen", "Igen", "Altid", "Aldrig", "Ofte",
    "Mor", "Far", "Bror", "Søster", "Pt", "Dr", "Hr", "Fru", "Frk", "Sankt", "Skt", "St",
    "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag", "Januar",
    "Februar", "Maj", "September", "Oktober", "November", "December", "Kvinde", "Mand",
    "Borgeren", "Patienten", "Planen", "Status", "Mål", "Aftale", "Samtale", "Borger",
    "Patient", "Bruger", "Klient", "Beboer", "Læge", "Lægen", "Pårørende", "Kommunens",
    # frequent Danish words that Danmarks Statistik's lists also hold as names
    "Har", "Kan", "Bor", "Delvis", "Fast", "Ti", "I", "Sund", "Lave", "Mentor", "Hele", "Alt",
    "Mere", "Meget", "God", "Godt", "Gode", "Ny", "Nye", "Stor", "Store", "Lille", "Små",
    "Sent", "Tidlig", "Først", "Sidst", "Senere", "Videre", "Samme", "Anden", "Andre",
    "Begge", "Hver", "Flere", "Mange", "Nogle", "Få", "Lidt", "Derfor", "Desuden",
    "Herefter", "Således", "Hjem", "Hjemme", "Arbejde", "Job", "Skole", "Bolig", "Støtte",
    "Hjælp", "Plan", "Fokus", "Behov", "Ønske", "Kontakt", "Møde", "Træning", "Tryg",
    "Rolig", "Klar", "Vil", "Skal", "Må", "Får", "Gør", "Går", "Kommer", "Tager", "Ser",
    "Giver", "Bliver", "Var", "Blev", "Fik", "Havde", "Kunne", "Ville", "Skulle", "Sig",
    "Ham", "Hende", "Os", "Jer", "Sit", "Hendes", "Deres", "Vores", "Mit", "Mine", "Dit",
    "Aften", "Morgen", "Nat", "Uge", "År", "Tiden", "Tilbud", "Forløb", "Indsats",
    "Selv", "Alene", "Egen", "Eget", "Fri", "Fuld", "Halv", "Hel", "Rask", "Syg",
    "Svært", "Let", "Tung", "Fin", "Fint", "Bedre", "Bedst", "Værre", "Gerne", "Helst",
    "Både", "Enten", "Hverken", "Samt", "Dog", "Vel", "Nok", "Endnu", "Stadig", "Allerede",
    "Mentoren", "Tolk", "Tolken", "Team", "Holdet", "Kom", "Kors", "Røde", "Blå",
    "Grøn", "Sort", "Hvid", "Rød", "Gul", "Brun", "Ung", "Unge", "Gammel", "Ældre"})
INSTITUTION_WORDS = frozenset({
    "Region", "Regionen", "Kommune", "Kommunen", "Kommunes", "Hospital", "Hospitalet",
    "Hospitals", "Sygehus", "Sygehuset", "Psykiatri", "Psykiatrien", "Psykiatrisk",
    "Psykiatriske", "Afdeling", "Afdelingen", "Afsnit", "Klinik", "Klinikken", "Center",
    "Centret", "Centre", "Centrum", "Fond", "Fonden", "Forening", "Foreningen", "Skole",
    "Skolen", "Gymnasium", "Universitet", "Universitetshospital", "Institut", "Instituttet",
    "Kollegium", "Kollegiet", "Kirke", "Kirken", "Plejehjem", "Plejecenter", "Bosted",
    "Botilbud", "Huset", "Hus", "Fællesskab", "Ambulatorium", "Ambulatoriet", "Lov", "Loven",
    "Bekendtgørelse", "Vej", "Gade", "Allé", "Alle", "Plads", "Boulevard", "Stræde", "Torv",
    "Park", "Parken", "Have", "Station", "Stationen", "Aps", "ApS", "A/S", "I/S", "Amba",
    "Jobcenter", "Jobcentret", "Borgerservice", "Sundhedshus", "Sundhedscenter", "Bibliotek",
    "Biblioteket", "Museum", "Museet", "Teater", "Teatret", "Stadion", "Hallen", "Hal",
    "Sogn", "Amt", "Amter", "Danmark", "Danmarks", "Denmark", "Dansk", "Danske", "Landsforening",
    "Selskab", "Selskabet", "Stiftelse", "Stiftelsen", "Sekretariat", "Ministerium",
    "Ministeriet", "Styrelse", "Styrelsen", "Råd", "Rådet", "Nævn", "Nævnet", "Hjem", "Hjemmet",
    "Gården", "Værksted", "Værkstedet", "Café", "Cafe", "Kursus", "Akademi", "Akademiet",
    "Efterskole", "Højskole", "Friskole", "Privatskole", "Børnehave", "Vuggestue", "Klub",
    "Klubben", "Bofællesskab", "Pension", "Hotel", "Kro", "Apotek", "Apoteket", "Lægehus",
    "Lægehuset", "Praksis", "Tandlæge", "Team", "Teamet", "Enhed", "Enheden", "Sengeafsnit",
    "Døgnafsnit", "Distriktspsykiatri", "Distriktspsykiatrien", "Midt", "Nord", "Syd", "Øst",
    "Vest", "Centralsygehus", "Rigshospitalet", "Program", "Programmet", "Metode", "Metoden",
    "Model", "Modellen", "Syndrom", "Sygdom", "Test", "Skala", "Score", "Indeks"})
_INSTITUTION_SUFFIX = re.compile(
    r"(?:hospital|hospitalet|sygehus|sygehuset|fonden|foreningen|centret|centeret|center|"
    r"skolen|kommune|kommunen|regionen|loven|klinikken|psykiatrien|huset|hjemmet|gården|"
    r"institut|instituttet|kollegiet|kirken|styrelsen|ministeriet|afdelingen|ambulatoriet|"
    r"vej|gade|vænget|stræde|allé|alle|plads|torv|parken|boulevard)$", re.IGNORECASE)
# Danish municipalities, regions and larger towns: in the surname or first-name lists,
# but places here ("bor i Aarhus", "Kolding og Vejle").
PLACES = frozenset("""
Aabenraa Aalborg Aarhus Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby
Brønderslev Dragør Egedal Esbjerg Fanø Favrskov Faxe Fredensborg Fredericia Frederiksberg
Frederikshavn Frederikssund Furesø Faaborg Midtfyn Gentofte Gladsaxe Glostrup Greve Gribskov
Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring Holbæk
Holstebro Horsens Hvidovre Høje Taastrup Hørsholm Ikast Brande Ishøj Jammerbugt Kalundborg
Kerteminde Kolding København Køge Langeland Lejre Lemvig Lolland Lyngby Taarbæk Læsø
Mariagerfjord Middelfart Morsø Norddjurs Nordfyns Nyborg Næstved Odder Odense Odsherred Randers
Rebild Ringkøbing Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive
Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby
Vallensbæk Varde Vejen Vejle Vesthimmerland Viborg Vordingborg Ærø Hovedstaden Sjælland
Syddanmark Midtjylland Nordjylland Jylland Fyn Falster Amager Djursland Himmerland Thy Mors
Vendsyssel Salling Grenaa Grenå Ebeltoft Skagen Hobro Nakskov Maribo Nykøbing Korsør Ribe
Brande Ikast Skjern Lemvig Kalø Risskov Viby Hasle Åbyhøj Brabrand Tilst Lystrup Hinnerup
Hadsten Hammel Ry Galten Skødstrup Egå Tranbjerg Malling Beder Stavtrup Solbjerg Hørning
Glamsbjerg Gelsted Bogense Otterup Munkebo Ringe Rudkøbing Marstal Tårs Løkken Blokhus Brovst
Aars Farsø Løgstør Nibe Støvring Terndrup Hals Sæby Skørping Dronninglund Hadsund Arden
Bjerringbro Kjellerup Karup Hammerum Aulum Vildbjerg Sunds Lind Gjellerup Tjele Ørum Rødkærsbro
Kibæk Videbæk Tarm Hvide Sande Vinderup Struer Thyborøn Hurup Nykøbing Mors Fjerritslev Lund
Glostrup Risskov Augustenborg Nordborg Gråsten Kruså Padborg Rødding Vojens Toftlund Bramming
Ribe Grindsted Vamdrup Christiansfeld Kolding Børkop Give Jelling Egtved Thyregod Tørring
Juelsminde Brædstrup Gedved Østbirk Odder Hou Saksild Hornslet Rønde Kolind Ryomgård Auning
Ørsted Allingåbro Glesborg Anholt Hellerup Charlottenlund Klampenborg Skodsborg Vedbæk Holte
Nærum Virum Birkerød Farum Værløse Stenløse Ølstykke Slangerup Jyllinge Hundested Frederiksværk
Helsinge Gilleleje Hornbæk Espergærde Humlebæk Nivå Kokkedal Hørsholm Rungsted Valby Vanløse
Brønshøj Husum Nørrebro Østerbro Vesterbro Amagerbro Sundby Kastrup Islands Brygge Sydhavn
Nordhavn Christianshavn Herlev Skovlunde Måløv Smørum Ballerup Taastrup Albertslund Avedøre
Grønland Færøerne Sverige Norge Tyskland Polen Tyrkiet Syrien Irak Iran Somalia Afghanistan
Pakistan Libanon Bosnien Serbien Kroatien Rumænien Ukraine Rusland Vietnam Thailand Filippinerne
Kina Indien Eritrea Etiopien Marokko Egypten England Frankrig Spanien Italien Holland Belgien
Island Finland Europa Afrika Asien Amerika Australien København Nørre Søndre Vester Øster
""".split())


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(first_name_ranks())


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(surname_ranks())


@lru_cache(maxsize=1)
def _name_keys() -> frozenset[str]:
    """Every written form a name token can take (title case, genitive, all caps),
    without the function, place and institution words that never start a finding."""
    names = set(first_name_ranks()) | set(surname_ranks())
    keys = names | {n + "s" for n in names}
    # All caps only from four letters: shorter capitals are abbreviations (SU, SUL, IPS).
    keys |= {k.upper() for k in keys if len(k) >= 4}
    keys -= _FUNCTION_WORDS | INSTITUTION_WORDS | {p for p in PLACES if p not in surname_ranks()}
    return frozenset(keys)


class _Token(NamedTuple):
    # A tuple, not a dataclass: one is built per capitalised word of every text that
    # may hold a name, and tuples are the cheapest value objects Python builds.
    start: int
    end: int
    word: str       # as written
    name: str       # title case, genitive removed
    first: int      # first-name rank (0 = not a first name)
    last: int       # surname rank (0 = not a surname)
    initial: bool
    caps: bool
    genitive: bool
    blocked: bool   # a function, place or institution word
    place: bool = False  # a town that is also a surname ("Kolding", "Greve")


def _token(match: re.Match[str], firsts: dict[str, int], lasts: dict[str, int],
           allow: frozenset[str]) -> _Token:
    word = match.group(0)
    start, end = match.span()
    if _INITIAL.match(word):
        return _Token(start, end, word, word, 0, 0, True, False, False, False)
    caps = len(word) > 1 and word.isupper()
    name = _title(word) if caps or "-" in word else word
    first = firsts.get(name, 0) or (_hyphen_rank(name, firsts) if "-" in name else 0)
    last = lasts.get(name, 0)
    genitive = False
    if len(name) > 3 and name[-1] == "s" and not last and (not first or first > COMMON_RANK):
        # "Mettes"; "Haralds" is a rare name of its own but far more often Harald's.
        base = name[:-1]
        base_first, base_last = firsts.get(base, 0), lasts.get(base, 0)
        if (base_first or base_last) and (not first or 0 < base_first < first):
            first, last, genitive, name = base_first, base_last, True, base
    folded = word.casefold()
    place = name in PLACES
    blocked = (folded in allow or name in _FUNCTION_WORDS or place
               or name in INSTITUTION_WORDS or word in INSTITUTION_WORDS)
    return _Token(start, end, word, name, first, last, False, caps, genitive, blocked,
                  place and bool(last) and folded not in allow)


def _hyphen_rank(name: str, firsts: dict[str, int]) -> int:
    parts = name.split("-")
    ranks = [firsts.get(p, 0) for p in parts]
    return max(ranks) if all(ranks) else 0


def _may_start(token: _Token) -> bool:
    """Whether a name finding can start at ``token`` (``_chain`` skips every other one).

    A town that is also a surname is blocked but still a name after "fru", "hr." …"""
    return token.place or ((token.first or token.last or token.initial) and not token.blocked)


def _institution(token: _Token) -> bool:
    return (token.word in INSTITUTION_WORDS or token.name in INSTITUTION_WORDS
            or (len(token.word) > 6 and bool(_INSTITUTION_SUFFIX.search(token.word))))


def _chains(tokens: list[_Token], text: str) -> list[list[_Token]]:
    """Runs of capitalised words separated by one space (a name is written that way)."""
    chains: list[list[_Token]] = []
    for token in tokens:
        if chains and _GAP.fullmatch(text[chains[-1][-1].end:token.start]) and (
                chains[-1][-1].caps == token.caps or chains[-1][-1].initial or token.initial):
            chains[-1].append(token)
        else:
            chains.append([token])
    return chains


def _mid_sentence(text: str, start: int) -> bool:
    """The word at ``start`` is not the first of its sentence, line or list item."""
    cut = sentence_start(text, start)
    before = text[cut:start].strip(" \t\u00a0\"'«»(–—-•*")
    return bool(before) and not before.endswith((":", "–", "—"))


@dataclass(frozen=True)
class NameRecognizer(Recognizer):
    def key_words(self) -> frozenset[str]:
        return _name_keys()

    def candidates(self, text: str, allow: frozenset[str] = frozenset()) -> list[Candidate]:
        firsts, lasts = first_name_ranks(), surname_ranks()
        found: list[Candidate] = []
        # Most texts hold no capitalised word that could be a name: settle them with one
        # set operation before any token is built (an initial only counts before a
        # listed surname, which is a key itself).
        words = _QUICK.findall(text)
        if _name_keys().isdisjoint(words) and (
                "-" not in text or not any("-" in w for w in words)):
            return found
        matches = list(_TOKEN.finditer(text))
        tokens = [_token(m, firsts, lasts, allow) for m in matches]
        if not any(_may_start(t) for t in tokens):
            return found
        for chain in _chains(tokens, text):
            if any(_may_start(t) for t in chain):
                found.extend(self._chain(chain, text))
        return found

    def _chain(self, chain: list[_Token], text: str) -> list[Candidate]:
        if any(_institution(t) for t in chain):
            return []  # "Niels Steensens Hospital", "Region Syddanmark"
        out: list[Candidate] = []
        i = 0
        while i < len(chain):
            token = chain[i]
            if token.place:
                # A town that is also a surname counts only after "fru", "hr." …
                out.append(Candidate(token.start, token.end, 0.15, "navn_efternavn_alene"))
                i += 1
                continue
            if token.blocked or not (token.first or token.last or token.initial):
                i += 1
                continue
            j = self._extend(chain, i)
            if j > i:
                out.append(Candidate(token.start, chain[j].end, 0.85,
                                     "navn_initial_efternavn" if token.initial else "navn_fuldt"))
                i = j + 1
                continue
            single = self._single(token, chain, i, text)
            if single is not None:
                out.append(single)
            i += 1
        return out

    @staticmethod
    def _extend(chain: list[_Token], i: int) -> int:
        """The last token of a full name starting at ``chain[i]`` (``i`` when none)."""
        head = chain[i]
        if head.genitive:
            return i
        if head.initial:
            nxt = chain[i + 1] if i + 1 < len(chain) else None
            return i + 1 if nxt and nxt.last and (nxt.place or not nxt.blocked) else i
        if not head.first or head.first > FULL_NAME_RANK:
            return i
        j = i
        while j + 1 < len(chain):
            nxt = chain[j + 1]
            # A listed surname that is also a word or a town ("Rask", "Kolding") still
            # ends a name after a first name.
            if (nxt.blocked and not (nxt.place or nxt.last)) or nxt.initial:
                break
            # A surname, a middle name, or an unlisted capitalised word after a real first
            # name ("Bente Singh"): all one name.
            if nxt.last or nxt.first or head.first <= COMMON_RANK or j > i:
                j += 1
                if nxt.genitive:
                    break
                continue
            break
        # Two common words in a row at a sentence start ("Han Jensen" is fine, "Det Gode"
        # is blocked above); trailing unlisted words are kept only when the head is common.
        return j

    def _single(self, token: _Token, chain: list[_Token], i: int, text: str) -> Candidate | None:
        # "Jensen, Mette": surname, comma, first name.
        after = text[token.end:token.end + 40]
        comma = re.match(rf",{SPACE}([{UPPER}][{LOWER}]+)(?![\w\-])", after)
        if token.last and comma and first_name_ranks().get(comma.group(1), 0):
            nxt = comma.group(1)
            if nxt not in _FUNCTION_WORDS and nxt not in PLACES:
                return Candidate(token.start, token.end + comma.end(), 0.8,
                                 "navn_efternavn_komma_fornavn")
        if token.caps:
            return Candidate(token.start, token.end, 0.2, "navn_store_bogstaver")
        if token.genitive:
            relation = re.match(rf"{SPACE}+([{LOWER}]+)", text[token.end:token.end + 20])
            if token.first and relation and relation.group(1) in _RELATIONS:
                return Candidate(token.start, token.end, 0.7, "navn_genitiv_relation")
            if token.first and token.first <= COMMON_RANK and token.name not in NAME_WORDS:
                return Candidate(token.start, token.end, 0.6, "navn_genitiv")
            return Candidate(token.start, token.end, 0.2, "navn_genitiv")
        if not token.first:
            return Candidate(token.start, token.end, 0.15, "navn_efternavn_alene")
        common = token.first <= COMMON_RANK
        if _mid_sentence(text, token.start):
            if common:
                return Candidate(token.start, token.end, 0.6, "navn_fornavn_midt_i_saetning")
            return Candidate(token.start, token.end, 0.2, "navn_fornavn_sjaeldent")
        nxt = re.match(rf"{SPACE}*([{LOWER}]+)", text[token.end:token.end + 30])
        if common and token.name not in NAME_WORDS and nxt and nxt.group(1) in _PERSON_VERBS:
            return Candidate(token.start, token.end, 0.6, "navn_fornavn_foer_verbum")
        return Candidate(token.start, token.end, 0.2, "navn_fornavn_alene")


NAVN = NameRecognizer(
    kind="navn", tag="[NAVN]",
    reason="Et fornavn fulgt af et efternavn, eller et navn i en sammenhæng om en person.",
    base_score=0.85,
    context_words=PERSON_CONTEXT,
    context_boost=0.4,
    context_window=2,
    needs="word",
)
