"""Test extracts in each source's real format (written for these tests, no real person's
data), and a way to run `samraad import --format …` on them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.cli import main
from samraad.interchange.sources import loenart
from samraad.interchange.sources.converted import Converted
from samraad.interchange.sources.sd import read_sd
from tests.interchange.conftest import Outcome

FILES = Path(__file__).parent / "files"
SECRET = "a-test-secret-never-used-in-production"


def sd(folder: Path, secret: str = SECRET) -> Converted:
    """SD's extracts in `folder`, converted with the shipped lønart table."""
    return read_sd(folder, secret, loenart.load())


def copy_of(name: str, tmp_path: Path) -> Path:
    """A copy of tests/sources/files/NAME to change in a test."""
    return Path(shutil.copytree(FILES / name, tmp_path / name))


Run = Callable[..., Outcome]


@pytest.fixture
def run_import(settings: SettingsWrapper, capsys: pytest.CaptureFixture[str]) -> Run:
    """`samraad import ARGS…` with the test secret; the outcome as the user sees it."""
    settings.SAMRAAD_CPR_KEY = SECRET

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        code = main(["import", *args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run
