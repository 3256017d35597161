"""Fill locale/da/LC_MESSAGES/django.po from the table below, after makemessages.

Run from src/samraad:  django-admin makemessages -l da --no-location --no-obsolete
then  python locale/translate_da.py && msgfmt -o locale/da/LC_MESSAGES/django.mo
locale/da/LC_MESSAGES/django.po  (CI does not run this: the .mo is committed).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

DA = {
    "Open": "Åben",
    "Overdue": "Overskredet",
    "Closed": "Lukket",
    "Date of the conversation": "Dato for samtalen",
    "Kind of conversation": "Samtaletype",
    "A companion (bisidder) took part": "Der deltog en bisidder",
    "Follow-up date": "Opfølgningsdato",
    "When you will follow up with the employee (optional).": "Hvornår du følger op med medarbejderen (valgfrit).",
    "Note": "Notat",
    "I confirm that the note holds no health details": "Jeg bekræfter, at notatet ikke indeholder helbredsoplysninger",
    "The date cannot be in the future.": "Datoen kan ikke ligge i fremtiden.",
    "The conversation must be held on or after the alert was raised (%(day)s).": "Samtalen skal være holdt på eller efter dagen for adviset (%(day)s).",
    "The follow-up date is before the conversation.": "Opfølgningsdatoen ligger før samtalen.",
    "The note seems to mention health. Write what was agreed, not why the employee is ill; then tick the confirmation below.": "Notatet ser ud til at nævne helbred. Skriv, hvad I aftalte, ikke hvorfor medarbejderen er syg; sæt derefter kryds i bekræftelsen nedenfor.",
    "Companion (bisidder) took part.": "Bisidder deltog.",
    "Follow-up on %(day)s.": "Opfølgning %(day)s.",
    "The conversation is recorded and the alert is closed.": "Samtalen er registreret, og adviset er lukket.",
    "The conversation is recorded; the alert stays open.": "Samtalen er registreret; adviset er stadig åbent.",
    "Own sickness": "Egen sygdom",
    "Child's sickness": "Barns sygdom",
    "Work injury": "Arbejdsskade",
    "Pregnancy-related": "Graviditetsgener",
    "Maternity": "Barsel",
    "Other": "Andet",
    "Absence conversation": "Sygefraværssamtale",
    "Retention conversation": "Fastholdelsessamtale",
    "Retention plan": "Fastholdelsesplan",
    "Chronic illness agreement (§ 56)": "§ 56-aftale",
    "fewer than 5 employees: not shown": "færre end 5 medarbejdere: vises ikke",
    "Own sickness %(start)s – %(end)s": "Egen sygdom %(start)s – %(end)s",
    "Employee": "Medarbejder",
    "Unit": "Enhed",
    "Job group": "Faggruppe",
    "Sick days": "Sygedage",
    "Spells": "Forløb",
    "Open alerts": "Åbne advis",
    "No employees in the period.": "Ingen medarbejdere i perioden.",
    "Download as CSV (recorded in the audit log)": "Hent som CSV (registreres i logningen)",
    "Alerts": "Advis",
    "Show": "Vis",
    "Open and overdue": "Åbne og overskredne",
    "All": "Alle",
    "Rule": "Regel",
    "Raised": "Udsendt",
    "Due by": "Frist",
    "Status": "Status",
    "Action": "Handling",
    "Record conversation": "Registrér samtale",
    "No alerts.": "Ingen advis.",
    "Record a conversation": "Registrér en samtale",
    "Do not write health details: no diagnoses, symptoms or treatment. Write what you agreed.": "Skriv ikke helbredsoplysninger: ingen diagnoser, symptomer eller behandling. Skriv, hvad I aftalte.",
    "Record the conversation": "Registrér samtalen",
    "Employees": "Medarbejdere",
    "Employee %(id)s": "Medarbejder %(id)s",
    "This page is recorded in the audit log.": "Visningen af denne side registreres i logningen.",
    "%(n)s working days with own sickness from %(start)s to %(end)s.": "%(n)s arbejdsdage med egen sygdom fra %(start)s til %(end)s.",
    "Absence timeline": "Fravær over tid",
    "Absence timeline; the same records are listed in the table below.": "Fravær over tid; de samme registreringer står i tabellen nedenfor.",
    "Absence records": "Fraværsregistreringer",
    "Cause": "Årsag",
    "From": "Fra",
    "To": "Til",
    "Degree": "Grad",
    "Working days in view": "Arbejdsdage i visningen",
    "still absent": "stadig fraværende",
    "No absence in the period.": "Intet fravær i perioden.",
    "Conversations held": "Afholdte samtaler",
    "None recorded.": "Ingen registreret.",
    "Employments": "Ansættelser",
    "Hours per week": "Timer pr. uge",
    "Breadcrumbs": "Brødkrummer",
    "Structure": "Struktur",
    "Structure:": "Struktur:",
    "Figures only. A group of fewer than 5 employees is not shown, and is marked so.": "Kun tal. En gruppe med færre end 5 medarbejdere vises ikke og er markeret.",
    "not shown": "vises ikke",
    "fewer than 5 employees": "færre end 5 medarbejdere",
    "%(days)s days per FTE · %(n)s employees · %(fte)s FTE": "%(days)s dage pr. fuldtidsansat · %(n)s medarbejdere · %(fte)s årsværk",
    "Target %(year)s: %(target)s days per FTE.": "Måltal %(year)s: %(target)s dage pr. fuldtidsansat.",
    "Absence rate by month, %(year)s against last year": "Fraværsprocent pr. måned, %(year)s mod sidste år",
    "The chart as a table": "Grafen som tabel",
    "Absence rate by month (percent)": "Fraværsprocent pr. måned (procent)",
    "Month": "Måned",
    "Units below, highest absence first (last 12 months)": "Enheder under, højeste fravær først (sidste 12 måneder)",
    "Absence rate": "Fraværsprocent",
    "Days per FTE": "Dage pr. fuldtidsansat",
    "Spells by length (last 12 months)": "Forløb efter længde (sidste 12 måneder)",
    "Length in calendar days": "Længde i kalenderdage",
    "Spells ended": "Afsluttede forløb",
    "Absence hours": "Fraværstimer",
    "Share of hours": "Andel af timer",
    "Job groups (last 12 months)": "Faggrupper (sidste 12 måneder)",
    "Opening the list of employees is recorded in the audit log.": "Når du åbner listen over medarbejdere, registreres det i logningen.",
    "Show employees": "Vis medarbejdere",
    "Last 12 months": "Sidste 12 måneder",
    "Year to date": "År til dato",
    "Same period last year": "Samme periode sidste år",
    "Last year": "Sidste år",
    "Historic structure": "Historisk struktur",
    "Current structure": "Nuværende struktur",
    "This password is only allowed in the demo.": "Denne adgangskode er kun tilladt i demoen.",
    "Your password cannot be the demo password.": "Din adgangskode må ikke være demoens adgangskode.",
    "Manager": "Leder",
    "HR partner": "HR-partner",
    "Central HR": "Central HR",
    "Committee member": "MED-medlem",
    "Administrator": "Administrator",
    "API token": "API-nøgle",
    "A token lets a script read the API as you, with your permissions. Send it as the header Authorization: Bearer TOKEN. Every call that returns persons is recorded in the audit log.": "En nøgle lader et script læse API'et som dig, med dine rettigheder. Send den i headeren Authorization: Bearer NØGLE. Hvert kald, der viser personer, registreres i logningen.",
    "The API description (OpenAPI)": "Beskrivelsen af API'et (OpenAPI)",
    "Your new token. Copy it now: it is not shown again.": "Din nye nøgle. Kopiér den nu: den vises ikke igen.",
    "Create a token": "Opret en nøgle",
    "Your tokens": "Dine nøgler",
    "Page view": "Sidevisning",
    "Export": "Udtræk",
    "API call": "API-kald",
    "Recorded": "Registrering",
    "Audit log": "Logning",
    "Every view and export of person-level data. Entries cannot be changed or removed.": "Hver visning og hvert udtræk af personhenførbare data. Indførsler kan ikke ændres eller slettes.",
    "Search": "Søg",
    "When": "Hvornår",
    "User": "Bruger",
    "Roles": "Roller",
    "What": "Hvad",
    "Page": "Side",
    "Person": "Person",
    "Persons shown": "Viste personer",
    "Only the 200 newest entries are shown: narrow the search.": "Kun de 200 nyeste indførsler vises: indsnævr søgningen.",
    "No entries.": "Ingen indførsler.",
    "Person (employee id)": "Person (medarbejdernøgle)",
    "Unit id": "Enhedsnøgle",
    "Show units below %(name)s": "Vis enheder under %(name)s",
    "units below": "enheder under",
    "No units.": "Ingen enheder.",
    "Overview": "Overblik",
    "Your units": "Dine enheder",
    "Committee: %(names)s. You see figures only; groups of fewer than 5 employees are not shown.": "Udvalg: %(names)s. Du ser kun tal; grupper med færre end 5 medarbejdere vises ikke.",
    "Own sickness, last 12 months (%(start)s – %(end)s).": "Egen sygdom, sidste 12 måneder (%(start)s – %(end)s).",
    "Browse the organisation": "Gå på opdagelse i organisationen",
    "As an administrator you manage users, imports and rule sets; statistics and persons are not shown to this role.": "Som administrator styrer du brugere, indlæsninger og regelsæt; statistik og personer vises ikke for denne rolle.",
    "Import data": "Indlæs data",
    "Users and roles": "Brugere og roller",
    "No units are assigned to you. Ask an administrator for access.": "Du har ingen enheder. Bed en administrator om adgang.",
    "Organisation": "Organisation",
    "Top": "Top",
    "Open a unit to see its figures; expand it to see the units below.": "Åbn en enhed for at se dens tal; fold den ud for at se enhederne under.",
    "Import": "Indlæsning",
    "Users": "Brugere",
    "Skip to content": "Gå til indhold",
    "Main": "Hovedmenu",
    "Sign out": "Log ud",
    "The files are checked as a whole first. If anything is wrong, nothing is written and every error is listed with its file, line and column.": "Filerne kontrolleres samlet først. Er noget galt, skrives intet, og hver fejl vises med fil, linje og kolonne.",
    "Imported": "Indlæst",
    "Nothing was imported": "Intet blev indlæst",
    "Sign in": "Log ind",
    "User name": "Brugernavn",
    "Password": "Adgangskode",
    "Interchange files": "Udvekslingsfiler",
    "units.csv, employees.csv, employments.csv, absences.csv, conversations.csv, targets.csv, managers.csv (or .xlsx with the same names)": "units.csv, employees.csv, employments.csv, absences.csv, conversations.csv, targets.csv, managers.csv (eller .xlsx med samme navne)",
    "At most %(n)d files at a time.": "Højst %(n)d filer ad gangen.",
    "%(name)s is not a .csv or .xlsx file.": "%(name)s er ikke en .csv- eller .xlsx-fil.",
    "Follow-up": "Opfølgning",
    "Alerts raised": "Udsendte advis",
    "Closed on time": "Lukket rettidigt",
    "Closed late": "Lukket for sent",
    "Compliance": "Rettidighed",
    "Follow-up on alerts (last 12 months)": "Opfølgning på advis (sidste 12 måneder)",
    "Fewer than 5 alerts: not shown.": "Færre end 5 advis: vises ikke.",
    "No alerts in the period.": "Ingen advis i perioden.",
}


def parse(text: str) -> list[tuple[str, str]]:
    """(comment lines, msgid) per entry, in file order; the header is skipped."""
    entries = []
    for block in text.split("\n\n")[1:]:
        comments, parts, reading = [], [], False
        for line in block.splitlines():
            if line.startswith("#"):
                comments.append(line)
            elif line.startswith("msgid "):
                reading = True
                parts.append(line[6:])
            elif line.startswith("msgstr"):
                reading = False
            elif line.startswith('"') and reading:
                parts.append(line)
        if parts:
            entries.append(("\n".join(comments), "".join(ast.literal_eval(p) for p in parts)))
    return entries


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> int:
    po = Path(__file__).parent / "da" / "LC_MESSAGES" / "django.po"
    header = (
        'msgid ""\nmsgstr ""\n"Project-Id-Version: samraad\\n"\n"Language: da\\n"\n'
        '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    )
    out, missing = [header], []
    for comments, msgid in parse(po.read_text(encoding="utf-8")):
        if msgid not in DA:
            missing.append(msgid)
        lines = [comments] if comments else []
        lines += [f"msgid {quote(msgid)}", f"msgstr {quote(DA.get(msgid, ''))}"]
        out.append("\n".join(lines) + "\n")
    po.write_text("\n".join(out), encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
