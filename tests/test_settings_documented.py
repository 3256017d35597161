"""Every environment variable that settings.py reads is documented in docs/settings.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented() -> None:
    source = (ROOT / "src" / "samraad" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'(?:env_\w+|environ\.get)\("([A-Z_]+)"', source))
    documented = set(
        re.findall(
            r"^\| `([A-Z_]+)` \|", (ROOT / "docs" / "settings.md").read_text(encoding="utf-8"), re.M
        )
    )
    assert read, "no settings found: the pattern is out of date"
    assert read <= documented, f"undocumented: {sorted(read - documented)}"
    assert documented <= read, f"documented but not read: {sorted(documented - read)}"


def test_only_settings_reads_the_environment() -> None:
    for path in (ROOT / "src" / "samraad").rglob("*.py"):
        if path.name == "settings.py":
            continue
        # Pointing Django at the settings module is not reading configuration.
        text = path.read_text(encoding="utf-8").replace(
            'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samraad.settings")', ""
        )
        assert "os.environ" not in text and "getenv(" not in text, f"{path} reads the environment"
