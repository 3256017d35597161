"""Validating an interchange folder against spec/data-format.md, vectorised with Polars.

Three stages, each on what the previous left clean, so that one mistake is not
reported a hundred times over:

1. files and headers (reading.py, `header_errors`);
2. each row on its own: required values, types, ranges, choices, keys (`check_rows`);
3. the prospective whole — the stored rows overlaid by key with the incoming ones —
   for references, coverage, overlaps and the tree (consistency.py). A check there
   runs only when every table it reads is clean.

No Django: the stored rows come in as frames of strings, the same columns as the
files, so the validator is tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

from samraad.interchange import consistency
from samraad.interchange.errors import NO_COLUMN, InputError
from samraad.interchange.reading import LINE, SEMICOLONS, Folder, Source, semicolon_header
from samraad.interchange.schema import (
    TABLES,
    TABLES_BY_NAME,
    Choice,
    Column,
    Date,
    Email,
    Identifier,
    Number,
    Table,
    Text,
    Whole,
)

ERROR_LIMIT = 200
ERROR_COLUMNS = {"file": pl.String, "line": pl.Int64, "column": pl.String, "message": pl.String}

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
DECIMAL = r"^-?\d+(\.\d+)?$"
WHOLE = r"^\d+$"
# Danish personal numbers: DDMMYY-SSSS or the ten digits run together.
CPR = r"^(\d{10}|\d{6}-\d{4})$"
# Plausible, not proven: one @, no spaces, a dot with something either side after the @.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
# What an identifier may not hold (schema.Identifier): control characters (Unicode's Cc,
# with the line and paragraph separators), and "/"; nor be "." or "..".
CONTROL = r"[\p{Cc}\x{2028}\x{2029}]"
DOT_SEGMENT = r"^\.\.?$"


@dataclass(frozen=True)
class Validated:
    """The incoming and stored rows in canonical form, and what is wrong (if anything)."""

    incoming: dict[str, pl.DataFrame]
    stored: dict[str, pl.DataFrame]
    errors: list[InputError]
    more_errors: int
    # Stored rows (their keys) that sources replacing what they cover no longer hold.
    removed: dict[str, pl.DataFrame] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def validate(folder: Folder, stored: Mapping[str, pl.DataFrame]) -> Validated:
    """Check the folder against the spec and against what is stored (see the module doc)."""
    errors = [_error_frame(folder.errors)]
    unclean = set(folder.unreadable)
    canonical_stored = {t.name: canonical(t, _stored_frame(t, stored)) for t in TABLES}
    removed = superseded(folder, canonical_stored)
    for name, rows in removed.items():
        key = list(TABLES_BY_NAME[name].key)
        canonical_stored[name] = canonical_stored[name].join(rows, on=key, how="anti")
    incoming: dict[str, pl.DataFrame] = {}
    files: dict[str, str] = {}
    for name, source in folder.sources.items():
        files[name] = source.file_name
        found = _error_frame(header_errors(source))
        if found.height == 0:
            incoming[name], found = check_rows(source, canonical_stored[name])
        errors.append(found)
        if found.height:
            unclean.add(name)
    clean_incoming = {n: f for n, f in incoming.items() if n not in unclean}
    whole = consistency.Whole(clean_incoming, canonical_stored, files)
    errors.extend(consistency.check(whole, clean=lambda n: n not in unclean))
    shown, more = _limited(at_origin(pl.concat(errors), folder.sources.values()))
    return Validated(incoming, canonical_stored, shown, more, removed)


def superseded(folder: Folder, stored: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The keys of stored rows that a replacing source (Source.replaces) no longer holds."""
    removed = {}
    for name, source in folder.sources.items():
        if source.replaces is None:
            continue
        key = list(source.table.key)
        rows = stored[name].filter(source.replaces).select(key)
        rows = rows.join(source.frame.select(key), on=key, how="anti", nulls_equal=False)
        if rows.height:
            removed[name] = rows
    return removed


def header_errors(source: Source) -> list[InputError]:
    table, name = source.table, source.file_name
    if semicolon_header(source.header):
        # Say so rather than list every column as unknown.
        return [InputError(name, 1, NO_COLUMN, SEMICOLONS)]
    expected = ", ".join(table.column_names)
    errors = [
        InputError(name, 1, column, f"unknown column; expected {expected}")
        for column in source.header
        if column not in table.column_names
    ]
    errors += [
        InputError(name, 1, column, "required column is missing")
        for column in table.required
        if column not in source.header
    ]
    return errors


def check_rows(source: Source, stored: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows in canonical form, with every column; and an error frame for what is wrong.

    A column left out of the file keeps its stored values on rows that exist, and is
    empty (or its default) on new ones; the rules across a row's cells see the result.
    """
    table, file = source.table, source.file_name
    present = [c for c in table.columns if c.name in source.header]
    cells = source.frame.select(LINE, *(_cell_message(c).alias(c.name) for c in present))
    found = [_located(cells, c.name, file, c.name) for c in present]
    rows = _with_stored_values(table, canonical(table, source.frame), stored)
    rules = _row_rules(table)
    messages = rows.select(LINE, *(m.alias(f"_rule{i}") for i, (_, m) in enumerate(rules)))
    found += [_located(messages, f"_rule{i}", file, column) for i, (column, _) in enumerate(rules)]
    found.append(_duplicate_keys(rows, table, file))
    return rows, pl.concat(found)


def canonical(table: Table, frame: pl.DataFrame) -> pl.DataFrame:
    """One spelling per value: numbers without needless zeros, defaults filled in.

    Used on incoming and stored rows alike, so that comparing them compares values.
    Columns of the table that the frame lacks stay missing.
    """
    columns = []
    for column in table.columns:
        if column.name not in frame.columns:
            continue
        value = pl.col(column.name).cast(pl.String).replace("", None)
        if isinstance(column.type, Number | Whole):
            value = _canonical_number(value)
        if column.default is not None:
            value = value.fill_null(pl.lit(column.default))
        columns.append(value.alias(column.name))
    extra = [LINE] if LINE in frame.columns else []
    return frame.select(*columns, *extra)


def _with_stored_values(table: Table, frame: pl.DataFrame, stored: pl.DataFrame) -> pl.DataFrame:
    """Add the columns the file left out: the stored value where the key exists."""
    missing = [c for c in table.columns if c.name not in frame.columns]
    if missing:
        values = stored.select(*table.key, *(c.name for c in missing))
        frame = frame.join(values, on=list(table.key), how="left", nulls_equal=False)
        frame = frame.with_columns(
            pl.col(c.name).fill_null(pl.lit(c.default)) for c in missing if c.default is not None
        )
    return frame.select(*table.column_names, LINE)


def _canonical_number(value: pl.Expr) -> pl.Expr:
    without_leading_zeros = value.str.replace(r"^(-?)0+(\d)", "${1}${2}")
    fraction_trimmed = without_leading_zeros.str.replace(r"(\.\d*?)0+$", "${1}")
    return fraction_trimmed.str.replace(r"\.$", "")


def _cell_message(column: Column) -> pl.Expr:
    """The first thing wrong with each cell of the column, or null."""
    value = pl.col(column.name)
    branches: list[tuple[pl.Expr, pl.Expr]] = []
    if column.required:
        branches.append((value.is_null(), pl.lit("required value is empty")))
    if column.pseudonymous:
        # The value is personal data: the message must not repeat it.
        cpr = "looks like a CPR number; use the pseudonymous key (the value is not shown)"
        branches.append((value.str.contains(CPR), pl.lit(cpr)))
    branches += _type_branches(column, value)
    result = pl.lit(None, pl.String)
    for condition, message in reversed(branches):
        result = pl.when(condition).then(message).otherwise(result)
    return result


def _type_branches(column: Column, value: pl.Expr) -> list[tuple[pl.Expr, pl.Expr]]:
    kind = column.type
    match kind:
        case Text(max_length=limit):
            branches = [(value.str.len_chars() > limit, pl.lit(f"longer than {limit} characters"))]
            if isinstance(kind, Identifier):
                branches += _identifier_branches(value)
            if isinstance(kind, Email):
                message = '"{}" is not an e-mail address (one @, no spaces, a dot after the @)'
                branches.append((~value.str.contains(EMAIL), pl.format(message, value)))
            return branches
        case Date():
            return [
                (
                    ~value.str.contains(ISO_DATE),
                    pl.format('"{}" is not a date in the form YYYY-MM-DD', value),
                ),
                (_as_date(value).is_null(), pl.format("{} is not a day in the calendar", value)),
            ]
        case Number():
            decimals = _canonical_number(value).str.extract(r"\.(\d+)$").str.len_chars()
            number = value.cast(pl.Float64, strict=False)
            places = f"has more than {kind.places} decimals; the database keeps {kind.places}"
            return [
                (~value.str.contains(DECIMAL), pl.format('"{}" is not a number', value)),
                (decimals > kind.places, pl.format(f"{{}} {places}", value)),
                (
                    _outside(number, kind),
                    pl.format(f"{{}} is outside {kind.describe_range(column.name)}", value),
                ),
            ]
        case Whole(minimum=low, maximum=high):
            number = value.cast(pl.Int64, strict=False)
            return [
                (~value.str.contains(WHOLE), pl.format('"{}" is not a whole number', value)),
                (
                    (number < low) | (number > high),
                    pl.format(f"{{}} is outside {low} ≤ {column.name} ≤ {high}", value),
                ),
            ]
        case Choice(values=values):
            expected = ", ".join(values) + ("" if column.required else ", or empty")
            return [
                (
                    ~value.is_in(values),
                    pl.format(f'unknown value "{{}}"; expected one of {expected}', value),
                )
            ]
    return []


def _identifier_branches(value: pl.Expr) -> list[tuple[pl.Expr, pl.Expr]]:
    """Identifiers stand in web addresses (schema.Identifier). The value is not repeated:
    an employee key is personal data, and a control character does not print."""
    return [
        (
            value.str.contains("/", literal=True),
            pl.lit('contains "/", which cannot be part of a web address; use another character'),
        ),
        (
            value.str.contains(CONTROL),
            pl.lit("contains a control character (a line break, a tab …)"),
        ),
        (
            value.str.contains(DOT_SEGMENT),
            pl.lit('is "." or "..", which a browser drops from a web address'),
        ),
    ]


def _outside(number: pl.Expr, kind: Number) -> pl.Expr:
    outside = pl.lit(False)
    if kind.above is not None:
        outside = outside | (number <= float(kind.above))
    if kind.at_least is not None:
        outside = outside | (number < float(kind.at_least))
    if kind.at_most is not None:
        outside = outside | (number > float(kind.at_most))
    return outside


def _as_date(value: pl.Expr) -> pl.Expr:
    return value.str.to_date("%Y-%m-%d", strict=False)


def _row_rules(table: Table) -> list[tuple[str, pl.Expr]]:
    """Checks across the cells of one row: a span's order, and rules of single tables."""
    rules: list[tuple[str, pl.Expr]] = []
    if table.span:
        first, last = table.span
        before = _as_date(pl.col(last)) < _as_date(pl.col(first))
        message = pl.format(f"{{}} is before {first} {{}}", pl.col(last), pl.col(first))
        rules.append((last, pl.when(before).then(message)))
    if table.name == "employments":
        # spec: notice_date is "the day notice of dismissal was given".
        stray = pl.col("notice_date").is_not_null() & pl.col("end_reason").ne_missing(
            pl.lit("dismissal")
        )
        rules.append(("notice_date", pl.when(stray).then(pl.lit("needs end_reason dismissal"))))
    return rules


def _duplicate_keys(frame: pl.DataFrame, table: Table, file: str) -> pl.DataFrame:
    key = list(table.key)
    repeated = (
        frame.filter(pl.all_horizontal(pl.col(key).is_not_null()))
        .with_columns(pl.col(LINE).min().over(key).alias("_first"))
        .filter(pl.col(LINE) != pl.col("_first"))
    )
    message = pl.format(f"the same {' and '.join(key)} as line {{}}", "_first")
    return _error_rows(repeated.select(LINE, message.alias("message")), file, key[0])


def _located(messages: pl.DataFrame, name: str, file: str, column: str) -> pl.DataFrame:
    found = messages.select(LINE, pl.col(name).alias("message")).filter(
        pl.col("message").is_not_null()
    )
    return _error_rows(found, file, column)


def _error_rows(found: pl.DataFrame, file: str, column: str) -> pl.DataFrame:
    return found.select(
        pl.lit(file).alias("file"),
        pl.col(LINE).cast(pl.Int64).alias("line"),
        pl.lit(column).alias("column"),
        pl.col("message").cast(pl.String),
    )


def _error_frame(errors: list[InputError]) -> pl.DataFrame:
    rows = [(e.file, e.line, e.column, e.message) for e in errors]
    return pl.DataFrame(rows, schema=ERROR_COLUMNS, orient="row")


def _stored_frame(table: Table, stored: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    frame = stored.get(table.name)
    if frame is None:
        # Not pl.DataFrame(): selecting literals from a frame without columns gives a row.
        return pl.DataFrame(schema=dict.fromkeys(table.column_names, pl.String))
    return frame.select(
        pl.col(c).cast(pl.String) if c in frame.columns else pl.lit(None, pl.String).alias(c)
        for c in table.column_names
    )


def at_origin(errors: pl.DataFrame, sources: Iterable[Source]) -> pl.DataFrame:
    """Errors on rows converted from another format, moved to the file, line and field
    they came from (reading.Origin). Sources sharing a file name share its lines."""
    fields: dict[str, dict[str, str]] = {}
    lines: dict[str, pl.DataFrame] = {}
    for source in sources:
        if source.origin is not None:
            fields.setdefault(source.file_name, {}).update(source.origin.columns)
            if source.origin.lines is not None:
                lines[source.file_name] = source.origin.lines
    parts = [errors.filter(~pl.col("file").is_in(list(fields)))]
    for file, names in fields.items():
        part = errors.filter(pl.col("file") == file).with_columns(pl.col("column").replace(names))
        if file in lines:
            found = lines[file].select(
                pl.col(LINE).alias("line"),
                pl.col("file").alias("_file"),
                pl.col("line").alias("_at"),
            )
            part = part.join(found, on="line", how="left").select(
                pl.coalesce("_file", "file").alias("file"),
                pl.coalesce("_at", "line").alias("line"),
                "column",
                "message",
            )
        parts.append(part)
    return pl.concat(parts)


def _limited(errors: pl.DataFrame) -> tuple[list[InputError], int]:
    """The first ERROR_LIMIT errors, by file (in table order), then line; and how many more."""
    rank = {f"{t.name}{suffix}": i for i, t in enumerate(TABLES) for suffix in (".csv", ".xlsx")}
    ordered = errors.with_columns(
        pl.col("file")
        .str.to_lowercase()
        .replace_strict(rank, default=-1, return_dtype=pl.Int64)
        .alias("_rank")
    ).sort("_rank", "line", maintain_order=True)
    shown = [InputError(*row) for row in ordered.head(ERROR_LIMIT).drop("_rank").iter_rows()]
    return shown, max(0, ordered.height - ERROR_LIMIT)
