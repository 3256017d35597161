"""The interchange files, declared once (spec/data-format.md).

One `Table` per file: its columns, their types, its key and the columns that refer
to another table. Reading, validation and storing are all driven by these tables,
so a new file is a new entry here (plus any checks peculiar to it in validation).

Pure Python: the choices repeat the models' (a test keeps them equal), so that
reading and validation run without Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from samraad.vocabulary import CAUSE, CONVERSATION_KIND, END_REASON

# Identifier columns in the database are CharField(max_length=64).
ID_LENGTH = 64


@dataclass(frozen=True)
class Text:
    max_length: int = ID_LENGTH


@dataclass(frozen=True)
class Identifier(Text):
    """A key, or a reference to one: any text that can stand in a web address's path.

    The pages put identifiers in their paths (`/units/ID/`, `/employees/ID/`), so "/"
    is refused (it would split the path), and so are "." and ".." (browsers drop them
    from a path) and control characters (a line break cannot be in a file name or a
    header). Everything else is encoded where it appears in an address (docs/interchange.md).
    """


@dataclass(frozen=True)
class Email(Text):
    """A plausible e-mail address: one @, no spaces, a dot in the part after the @.

    254 characters at most, as Django's EmailField keeps.
    """

    max_length: int = 254


@dataclass(frozen=True)
class Date:
    """An ISO date, YYYY-MM-DD."""


@dataclass(frozen=True)
class Number:
    """A decimal number with at most `places` decimals (what the database keeps).

    Bounds: `above` is exclusive, `at_least` and `at_most` inclusive.
    """

    places: int = 4
    above: Decimal | None = None
    at_least: Decimal | None = None
    at_most: Decimal | None = None

    def describe_range(self, name: str) -> str:
        low = f"{self.above} < " if self.above is not None else ""
        if self.at_least is not None:
            low = f"{self.at_least} ≤ "
        high = f" ≤ {self.at_most}" if self.at_most is not None else ""
        return f"{low}{name}{high}"


@dataclass(frozen=True)
class Whole:
    """A whole number from `minimum` to `maximum`."""

    minimum: int
    maximum: int


@dataclass(frozen=True)
class Choice:
    values: tuple[str, ...]


ColumnType = Text | Identifier | Email | Date | Number | Whole | Choice


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = field(default_factory=Text)
    required: bool = False
    # The value used when the cell is empty.
    default: str | None = None
    # The table whose first key column this column names, e.g. "employees".
    refers_to: str | None = None
    # An employee key: a CPR number there is refused (spec: "never a CPR number").
    pseudonymous: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    # (first day, last day) columns: the last may not come before the first.
    span: tuple[str, str] | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


GENDERS = Choice(("F", "M"))
END_REASONS = Choice(END_REASON.codes)
CAUSES = Choice(CAUSE.codes)
CONVERSATION_KINDS = Choice(CONVERSATION_KIND.codes)
LANGUAGES = Choice(("da", "en"))

EMPLOYEE_REF = Column(
    "employee_id", Identifier(), required=True, refers_to="employees", pseudonymous=True
)

UNITS = Table(
    "units",
    (
        Column("unit_id", Identifier(), required=True),
        Column("name", Text(200), required=True),
        Column("kind", required=True),
        Column("parent_id", Identifier(), refers_to="units"),
        Column("valid_from", Date(), required=True),
        Column("valid_to", Date()),
    ),
    key=("unit_id", "valid_from"),
    span=("valid_from", "valid_to"),
)

EMPLOYEES = Table(
    "employees",
    (
        Column("employee_id", Identifier(), required=True, pseudonymous=True),
        Column("birth_date", Date()),
        Column("gender", GENDERS),
        # Not in the spec: our extension (docs/spec/README.md). Person-level data, shown
        # only to roles with person-level access.
        Column("name", Text(200)),
    ),
    key=("employee_id",),
)

EMPLOYMENTS = Table(
    "employments",
    (
        Column("employment_id", Identifier(), required=True),
        EMPLOYEE_REF,
        Column("unit_id", Identifier(), required=True, refers_to="units"),
        Column("job_group", required=True),
        Column("weekly_hours", Number(above=Decimal(0), at_most=Decimal(48)), required=True),
        Column("start_date", Date(), required=True),
        Column("end_date", Date()),
        Column("end_reason", END_REASONS),
        Column("notice_date", Date()),
    ),
    key=("employment_id",),
    span=("start_date", "end_date"),
)

ABSENCES = Table(
    "absences",
    (
        Column("absence_id", Identifier(), required=True),
        EMPLOYEE_REF,
        Column("cause", CAUSES, required=True),
        Column("start_date", Date(), required=True),
        Column("end_date", Date()),
        Column("degree", Number(above=Decimal(0), at_most=Decimal(1)), default="1"),
    ),
    key=("absence_id",),
    span=("start_date", "end_date"),
)

CONVERSATIONS = Table(
    "conversations",
    (
        Column("conversation_id", Identifier(), required=True),
        EMPLOYEE_REF,
        Column("held_on", Date(), required=True),
        Column("kind", CONVERSATION_KINDS, required=True),
    ),
    key=("conversation_id",),
)

TARGETS = Table(
    "targets",
    (
        Column("unit_id", Identifier(), required=True, refers_to="units"),
        Column("year", Whole(1900, 2100), required=True),
        # A year has at most 366 days, so no target per FTE can exceed it.
        Column(
            "absence_days_per_fte",
            Number(at_least=Decimal(0), at_most=Decimal(366)),
            required=True,
        ),
    ),
    key=("unit_id", "year"),
)

# Not in the spec: the project's own file (docs/interchange.md). Who manages a unit, from
# when; several managers of one unit at once are co-managers.
MANAGERS = Table(
    "managers",
    (
        Column("unit_id", Identifier(), required=True, refers_to="units"),
        EMPLOYEE_REF,
        Column("email", Email(), required=True),
        Column("language", LANGUAGES, default="da"),
        Column("valid_from", Date(), required=True),
        Column("valid_to", Date()),
    ),
    key=("unit_id", "employee_id", "valid_from"),
    span=("valid_from", "valid_to"),
)

# In dependency order: a table only refers to tables before it.
TABLES: tuple[Table, ...] = (
    UNITS,
    EMPLOYEES,
    EMPLOYMENTS,
    ABSENCES,
    CONVERSATIONS,
    TARGETS,
    MANAGERS,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
