"""`--emit DIR`: the interchange files an import from another format would read.

For a person to inspect before importing: the same frames the import validates, written
as the interchange's CSV files (spec/data-format.md), which `samraad import DIR` then
reads as any folder. Employee keys are the keyed hashes; no CPR number is written.
"""

from __future__ import annotations

from pathlib import Path

from samraad.interchange.reading import LINE, Folder
from samraad.interchange.schema import TABLES


def emit(folder: Folder, directory: Path) -> list[str]:
    """Write each table of `folder` as `<table>.csv` in `directory`; one line per file."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        source = folder.sources.get(table.name)
        if source is None:
            continue
        columns = [c for c in table.column_names if c in source.frame.columns]
        path = directory / f"{table.name}.csv"
        frame = source.frame.sort(LINE).select(columns)
        frame.write_csv(path, null_value="", line_terminator="\n")
        written.append(f"{path.name}: {frame.height} rows (from {source.file_name})")
    return written
