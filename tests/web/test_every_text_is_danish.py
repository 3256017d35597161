"""No English word left in the Danish UI: every text the code and the templates mark for
translation has its Danish in the catalogue (read from the source, as makemessages does,
so a new text without Danish fails here)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib  # type: ignore[import-not-found]
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "samraad"
CATALOGUE = SRC / "locale" / "da" / "LC_MESSAGES" / "django.po"
FUNCTIONS = {"_", "gettext", "gettext_lazy", "_lazy", "pgettext", "pgettext_lazy"}
# Packages whose texts are not the web app's (the command, the pure cores).
OUTSIDE = ("cli", "stats", "synth", "rules", "minutes", "documents", "forecast", "migrations")


def translated() -> dict[str, str]:
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE))}


def python_texts() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        if set(path.relative_to(SRC).parts) & set(OUTSIDE):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[-1] if name.startswith("pgettext") else node.args[0]
            if (
                name in FUNCTIONS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.add(first.value)
    return found


TRANSLATE = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1""")
BLOCK = re.compile(
    r"{%\s*blocktranslate(?P<args>[^%]*)%}(?P<body>.*?){%\s*(?:endblocktranslate|plural)\s*%}", re.S
)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")


def template_texts() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        found |= {m.group(2) for m in TRANSLATE.finditer(text)}
        for m in BLOCK.finditer(text):
            body = VARIABLE.sub(r"%(\1)s", m.group("body"))
            if "trimmed" in m.group("args"):
                body = " ".join(line.strip() for line in body.strip().splitlines() if line.strip())
            found.add(body)
    return found


@pytest.mark.parametrize("source", ["python", "templates"])
def test_every_marked_text_has_its_danish(source: str) -> None:
    texts = python_texts() if source == "python" else template_texts()
    assert len(texts) > 50  # the reading of the source works
    danish = translated()
    missing = sorted(t for t in texts if not danish.get(t))
    assert missing == []
