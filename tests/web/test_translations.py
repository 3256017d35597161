"""Danish is the users' language: every text of the web app has a Danish translation."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "src" / "samraad" / "locale" / "da" / "LC_MESSAGES"


def _entries() -> list[tuple[str, str]]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n")[1:]:
        head, tail = block.split("\nmsgstr ", 1)
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', head, re.M))
        msgstr = "".join(re.findall(r'^"(.*)"$', tail, re.M))
        entries.append((msgid, msgstr))
    return entries


def test_every_text_is_translated_and_none_is_fuzzy() -> None:
    assert "fuzzy" not in (LOCALE / "django.po").read_text(encoding="utf-8")
    assert [msgid for msgid, msgstr in _entries() if not msgstr] == []


def test_the_compiled_catalogue_holds_every_translation() -> None:
    with (LOCALE / "django.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    missing = [
        msgid
        for msgid, msgstr in _entries()
        if catalogue.gettext(msgid.encode().decode("unicode_escape")) == msgid and msgstr != msgid
    ]
    assert missing == []
