"""The SQLite export: every table of the registry with its primary key, foreign keys, indexes
and a ``CHECK`` on a column of listed values; full-text search (FTS5) on the columns a table
names in ``search``; and the views (:data:`~astana_facts.export.views.VIEWS`).

Full-text search follows the convention sqlite-utils and datasette share: a virtual table
``<table>_fts`` whose ``content`` is the table (no copy of the text), its ``rowid`` the table's,
so ``datasette`` finds it by itself and serves ``?_search=``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from astana_facts.export.rows import rows
from astana_facts.export.tables import Column, Table
from astana_facts.export.views import VIEWS

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result

SQLITE_TYPES = {
    "string": "TEXT",
    "date": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_column(column: Column) -> str:
    """A column's definition; a column of listed values checks them."""
    definition = f"{_quoted(column.name)} {SQLITE_TYPES[column.type]}"
    if column.enum:
        listed = ", ".join("'" + value.replace("'", "''") + "'" for value in column.enum)
        definition += f" CHECK ({_quoted(column.name)} IN ({listed}))"
    return definition


def _create(connection: sqlite3.Connection, table: Table) -> None:
    columns = [_sqlite_column(c) for c in table.columns]
    columns.append("PRIMARY KEY (" + ", ".join(_quoted(k) for k in table.primary_key) + ")")
    columns += [
        f"FOREIGN KEY ({_quoted(key.column)}) REFERENCES {_quoted(key.table)} "
        f"({_quoted(key.target)})"
        for key in table.foreign_keys
    ]
    connection.execute(f"CREATE TABLE {_quoted(table.name)} ({', '.join(columns)})")
    for column in table.indexes:
        index = _quoted(f"{table.name}_{column}")
        connection.execute(f"CREATE INDEX {index} ON {_quoted(table.name)} ({_quoted(column)})")


def fts_table(table: Table) -> str:
    """The name of a table's full-text index (the sqlite-utils convention)."""
    return f"{table.name}_fts"


def _search(connection: sqlite3.Connection, table: Table) -> None:
    """The table's FTS5 index over its ``search`` columns, filled from the table."""
    columns = ", ".join(_quoted(name) for name in table.search)
    fts = _quoted(fts_table(table))
    connection.execute(
        f"CREATE VIRTUAL TABLE {fts} USING FTS5 ({columns}, content={_quoted(table.name)})"
    )
    connection.execute(
        f"INSERT INTO {fts} (rowid, {columns}) SELECT rowid, {columns} FROM {_quoted(table.name)}"
    )


def sqlite_database(result: Result, path: Path) -> None:
    """Write the tables, their full-text indexes and the views into a new SQLite database at
    ``path``."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for table, table_rows in rows(result):
            _create(connection, table)
            names = [c.name for c in table.columns]
            placeholders = ", ".join("?" for _ in names)
            connection.executemany(
                f"INSERT INTO {_quoted(table.name)} VALUES ({placeholders})",
                ([row[name] for name in names] for row in table_rows),
            )
            if table.search:
                _search(connection, table)
        for view in VIEWS:
            connection.execute(f"CREATE VIEW {_quoted(view.name)} AS {view.sql}")
        connection.commit()
    finally:
        connection.close()
