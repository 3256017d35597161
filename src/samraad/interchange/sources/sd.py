"""`samraad import --format sd DIR`: SD Løn's warehouse extracts → the interchange frames.

DIR holds SD_PERSON (employments, sd_person.py), SD_FRAVDAG (absent days, sd_absence.py)
and, optionally, SD_DIM_LOENART (the lønarter's texts, for the notices), each as .csv
(`;` or `,`, decimal comma or point) or .xlsx; names match without regard to case.
Interchange files may lie beside them (units.csv, targets.csv, managers.csv, …): SD's
extracts carry no organisation tree, so the units come from there, from an earlier
import, or from OPUS/OS2mo. Field mapping and what to ask payroll for: docs/sources/sd.md.
"""

from __future__ import annotations

from pathlib import Path

from samraad.interchange.errors import InputError, file_error
from samraad.interchange.reading import SUFFIXES, NotAFolder, Unreadable, read_file
from samraad.interchange.schema import TABLES, TABLES_BY_NAME
from samraad.interchange.sources import loenart, sd_absence, sd_person, sd_records
from samraad.interchange.sources.converted import Converted, family
from samraad.interchange.sources.tabular import Table, read_table

PERSON, DAYS, PAY_CODES = "SD_PERSON", "SD_FRAVDAG", "SD_DIM_LOENART"
# What each SD extract gives; an interchange file for the same table would contradict it.
GIVES = {PERSON: ("employees", "employments"), DAYS: ("absences",)}


def read_sd(path: Path, secret: str, causes: dict[str, str]) -> Converted:
    """Convert the extracts in `path`; raises reading.NotAFolder for a missing folder."""
    if not path.is_dir():
        raise NotAFolder(
            f"no such folder: {path}" if not path.exists() else f"not a folder: {path}"
        )
    converted = Converted()
    sd_files, others = _files(path, converted)
    for name, file in others.items():
        given_by = [sd for sd, tables in GIVES.items() if name in tables and sd in sd_files]
        if given_by:
            message = f"{sd_files[given_by[0]].name} gives the {name} here; remove one of them"
            converted.folder.errors.append(file_error(file.name, message))
            continue
        try:
            converted.folder.sources[name] = read_file(file, TABLES_BY_NAME[name])
        except Unreadable as exc:
            converted.folder.errors.extend(exc.errors)
            converted.folder.unreadable.add(name)
    if PERSON in sd_files:
        _convert(sd_files, secret, causes, converted)
    elif DAYS in sd_files:
        message = f"{PERSON}.csv is needed beside it: it says whose employment each row is"
        converted.folder.errors.append(file_error(sd_files[DAYS].name, message))
    return converted


def _files(path: Path, converted: Converted) -> tuple[dict[str, Path], dict[str, Path]]:
    sd_files: dict[str, Path] = {}
    others: dict[str, Path] = {}
    for file in sorted(path.iterdir()):
        if file.name.startswith((".", "~$")) or not file.is_file():
            continue
        if file.suffix.lower() not in SUFFIXES:
            continue
        stem = file.name[: -len(file.suffix)]
        found = sd_files if stem.upper() in (PERSON, DAYS, PAY_CODES) else others
        key = stem.upper() if found is sd_files else stem
        if found is others and stem not in TABLES_BY_NAME:
            known = ", ".join([PERSON, DAYS, PAY_CODES, *(t.name for t in TABLES)])
            converted.folder.errors.append(
                file_error(file.name, f"unknown file name; expected one of {known}")
            )
        elif key in found:
            message = f"{found[key].name} and {file.name} are both here; keep one"
            converted.folder.errors.append(file_error(file.name, message))
        else:
            found[key] = file
    return sd_files, others


def _convert(
    sd_files: dict[str, Path], secret: str, causes: dict[str, str], converted: Converted
) -> None:
    folder = converted.folder
    derived = ["employees", "employments"] + (["absences"] if DAYS in sd_files else [])
    try:
        person = read_table(sd_files[PERSON], sd_person.REQUIRED, sd_person.OPTIONAL)
    except Unreadable as exc:
        folder.errors.extend(exc.errors)
        folder.unreadable.update(derived)
        return
    people, errors = sd_person.read_people(person, secret)
    if people is None:
        folder.errors.extend(errors)
        folder.unreadable.update(derived)
        return
    converted.add("employees", person.file_name, people.employees, sd_person.EMPLOYEE_FIELDS)
    converted.add(
        "employments",
        person.file_name,
        people.employments,
        sd_person.EMPLOYMENT_FIELDS,
        replaces=family("employment_id", people.numbers),
    )
    converted.notices.extend(people.notices)
    if DAYS in sd_files:
        if "AnsaettelsesID" not in person.frame.columns:
            message = f"required column is missing ({sd_files[DAYS].name} names employments by it)"
            folder.errors.append(InputError(person.file_name, 1, "AnsaettelsesID", message))
            folder.unreadable.add("absences")
            return
        _absences(sd_files, people, causes, converted)


def _absences(
    sd_files: dict[str, Path],
    people: sd_person.People,
    causes: dict[str, str],
    converted: Converted,
) -> None:
    folder = converted.folder
    try:
        table = read_table(sd_files[DAYS], sd_absence.REQUIRED)
        texts = _pay_code_texts(sd_files[PAY_CODES]) if PAY_CODES in sd_files else {}
    except Unreadable as exc:
        folder.errors.extend(exc.errors)
        folder.unreadable.add("absences")
        return
    days, errors = sd_absence.read_days(table, people.slices, causes, texts)
    file = table.file_name
    del table  # millions of rows of text: gone before the merge needs its memory
    if days is None:
        folder.errors.extend(errors)
        folder.unreadable.add("absences")
        return
    records = sd_records.absence_records(days, file)
    covered = sd_absence.covered(days.people, days.first_day, days.last_day)
    converted.add("absences", file, records.absences, sd_absence.FIELDS, replaces=covered)
    converted.notices.extend(days.notices + records.notices)


def _pay_code_texts(path: Path) -> dict[str, str]:
    table: Table = read_table(path, ("LOENART", "LOENARTTXT"))
    codes = table.frame.drop_nulls("LOENART")
    return {
        loenart.normal_code(code): text
        for code, text in codes.select("LOENART", "LOENARTTXT").iter_rows()
        if text
    }
