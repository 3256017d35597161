"""The full-text index's database objects, installed by migration 0003: on PostgreSQL a
generated `tsvector` column (title weighted above body, the `danish` configuration)
with a GIN index; on SQLite an FTS5 table over the stems (and the committee's code),
kept in step with `meetings_searchdocument` by triggers."""

from __future__ import annotations

from typing import Any

POSTGRES = [
    "ALTER TABLE meetings_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
    " setweight(to_tsvector('danish'::regconfig, title), 'A')"
    " || setweight(to_tsvector('danish'::regconfig, body), 'B')) STORED",
    "CREATE INDEX meetings_search_vector ON meetings_searchdocument USING gin (vector)",
]
POSTGRES_REMOVE = [
    "DROP INDEX IF EXISTS meetings_search_vector",
    "ALTER TABLE meetings_searchdocument DROP COLUMN IF EXISTS vector",
]
# The committee's code is indexed too, so that a search narrows to the user's committees
# inside the index before it ranks (the query then checks the code exactly).
_COLUMNS = "title_terms, body_terms, committee_id"
_DELETE = (
    f"INSERT INTO meetings_search_fts(meetings_search_fts, rowid, {_COLUMNS})"
    " VALUES ('delete', old.id, old.title_terms, old.body_terms, old.committee_id);"
)
_INSERT = (
    f"INSERT INTO meetings_search_fts(rowid, {_COLUMNS})"
    " VALUES (new.id, new.title_terms, new.body_terms, new.committee_id);"
)
SQLITE = [
    f"CREATE VIRTUAL TABLE meetings_search_fts USING fts5({_COLUMNS},"
    " content='meetings_searchdocument', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER meetings_search_ai AFTER INSERT ON meetings_searchdocument"
    f" BEGIN {_INSERT} END",
    "CREATE TRIGGER meetings_search_ad AFTER DELETE ON meetings_searchdocument"
    f" BEGIN {_DELETE} END",
    "CREATE TRIGGER meetings_search_au AFTER UPDATE ON meetings_searchdocument"
    f" BEGIN {_DELETE} {_INSERT} END",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS meetings_search_ai",
    "DROP TRIGGER IF EXISTS meetings_search_ad",
    "DROP TRIGGER IF EXISTS meetings_search_au",
    "DROP TABLE IF EXISTS meetings_search_fts",
]


def install(connection: Any) -> None:
    statements = POSTGRES if connection.vendor == "postgresql" else SQLITE
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def remove(connection: Any) -> None:
    statements = POSTGRES_REMOVE if connection.vendor == "postgresql" else SQLITE_REMOVE
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
