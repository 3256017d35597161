"""People's names and verbs of speech (spec/meetings.md, Statements).

A person's name is two or more capitalised words, with particles such as "von" or
"de" between them. The committee ("CSO"), a side ("Medarbejdersiden"), a group
("Temagruppen") or a unit ("Københavns Kommune") is not a person: all-capital words
are not name words, and a word ending like an organisation disqualifies the name.
"""

from __future__ import annotations

import re

UPPER = "A-ZÆØÅÄÖÜÉÈÁÓ"
LOWER = "a-zæøåäöüéèáóíúñç"
NAME_WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
PARTICLES = r"(?:von|van|de|der|den|du|da|di|la|le)"
NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLES}\s+)*{NAME_WORD})+"
# "NAME fra ORGANISATION": up to four words ("fra Socialforvaltningen", "fra KS HR",
# "fra medarbejdersiden"), as few as the verb after them allows.
ORGANISATION = r"[\w&.-]+(?:\s+[\w&.-]+){0,3}?"
NAME_FROM = rf"{NAME}(?:\s+fra\s+{ORGANISATION})?"

# Words that begin a sentence in front of a capitalised word without being a name.
NOT_FIRST_NAMES = frozenset(
    """det den de der dette denne disse til efter endelig endeligt herefter derefter
    dernæst desuden derudover afslutningsvis afslutningsvist som med for fra på ved
    under over om hvis når men og både også her da så i af mødet punktet referatet
    kære jf vedr status budget""".split()  # noqa: SIM905 (a word list reads best as words)
)
# Roles written before a name: "Formanden Søren Hartmann Hede bød velkommen".
ROLES = frozenset(
    """formand formanden næstformand næstformanden direktør direktøren borgmester
    borgmesteren kommunaldirektør koncerndirektør referent referenten sekretær
    tillidsrepræsentant fællestillidsrepræsentant""".split()  # noqa: SIM905
)
ROLE_ENDINGS = ("chef", "chefen", "direktør", "direktøren")
# Name words that make a unit, a side, a group or a place, not a person.
ORGANISATION_WORDS = frozenset(
    """kommune kommunes kommunen københavn københavns frederiksberg frederiksbergs
    danmark danmarks region regionen direktion direktionen koncernservice""".split()  # noqa: SIM905
)
ORGANISATION_ENDINGS = (
    "forvaltning",
    "forvaltningen",
    "forvaltningens",
    "siden",
    "sidens",
    "gruppen",
    "gruppens",
    "udvalg",
    "udvalget",
    "udvalgets",
    "centret",
    "centrets",
    "afdelingen",
    "enheden",
    "sekretariatet",
    "organisationen",
    "organisationerne",
    "repræsentationen",
    "fællesskabet",
    "forbund",
    "forbundet",
    "rådet",
    "styrelsen",
    "ministeriet",
    "kontoret",
    "ledelsen",
    "formandskabet",
    "partiet",
)

# Verbs of speech: past tense (the minutes' usual form), present tense, infinitive
# ("lagde ud med at orientere"). "svarende" is the frequent slip for "svarede".
# fmt: off
SPEECH_VERBS = [
    "fortalte", "fortæller", "fortælle",
    "bemærkede", "bemærker", "bemærke",
    "informerede", "informerer", "informere",
    "spurgte", "spørger", "spørge",
    "svarede", "svarer", "svare", "svarende",
    "kvitterede", "kvitterer", "kvittere",
    "konkluderede", "konkluderer", "konkludere",
    "orienterede", "orienterer", "orientere",
    "præsenterede", "præsenterer", "præsentere",
    "sagde", "siger", "sige",
    "indledte", "indleder", "indlede",
    "gennemgik", "gennemgår", "gennemgå",
    "nævnte", "nævner", "nævne",
    "tilføjede", "tilføjer", "tilføje",
    "understregede", "understreger", "understrege",
    "påpegede", "påpeger", "påpege",
    "pointerede", "pointerer", "pointere",
    "fremhævede", "fremhæver", "fremhæve",
    "foreslog", "foreslår", "foreslå",
    "opfordrede", "opfordrer", "opfordre",
    "takkede", "takker", "takke",
    "redegjorde", "redegør", "redegøre",
    "oplyste", "oplyser", "oplyse",
    "udtrykte", "udtrykker", "udtrykke",
    "supplerede", "supplerer", "supplere",
    "uddybede", "uddyber", "uddybe",
    "forklarede", "forklarer", "forklare",
    "kommenterede", "kommenterer", "kommentere",
    "gentog", "gentager", "gentage",
    "erklærede", "erklærer", "erklære",
    "anbefalede", "anbefaler", "anbefale",
    "efterlyste", "efterlyser", "efterlyse",
    "beklagede", "beklager", "beklage",
    "opsummerede", "opsummerer", "opsummere",
    "fremlagde", "fremlægger", "fremlægge",
    "afrapporterede", "afrapporterer", "afrapportere",
    "meddelte", "meddeler", "meddele",
    "tilkendegav", "tilkendegiver", "tilkendegive",
    "efterspurgte", "efterspørger", "efterspørge",
    "henviste", "henviser", "henvise",
    "fremførte", "fremfører", "fremføre",
    "argumenterede", "argumenterer", "argumentere",
    "mente", "mener",
    "replicerede", "replicerer", "replicere",
]
# fmt: on
# Phrases of speech built on other verbs: "bød velkommen", "holdt et oplæg".
SPEECH_PHRASES = [
    r"bød\s+velkommen",
    r"byder\s+velkommen",
    r"gjorde\s+opmærksom",
    r"tog\s+ordet",
    r"gav\s+udtryk",
    r"bad\s+om",
    r"rejste\s+(?:et\s+|spørgsmålet|spørgsmål)",
    r"holdt(?=[^.]{0,80}?(?:oplæg|indlæg|præsentation))",
]
SPEECH = rf"(?:{'|'.join(SPEECH_PHRASES)}|(?:{'|'.join(SPEECH_VERBS)})\b)"


def is_person(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or words[0].lower() in NOT_FIRST_NAMES or _is_role(words[0]):
        return False
    for word in words:
        lower = word.lower()
        if lower in ORGANISATION_WORDS or lower.endswith(ORGANISATION_ENDINGS):
            return False
    return True


def speaker(name_from: str) -> str:
    """The name alone: no role before it, no "fra ORGANISATION" after it."""
    words = re.split(r"\s+fra\s+", name_from, maxsplit=1)[0].split()
    while len(words) > 2 and _is_role(words[0]):
        words.pop(0)
    return " ".join(words)


def _is_role(word: str) -> bool:
    lower = word.lower()
    return lower in ROLES or lower.endswith(ROLE_ENDINGS)
