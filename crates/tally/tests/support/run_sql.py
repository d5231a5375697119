"""Runs each SQL statement as-is in DuckDB and prints the results as JSON.

Reads a JSON list of SQL strings on standard input; writes a JSON list with, for each
statement, {"columns": [...], "rows": [[...], ...]} or {"error": "..."}. Dates are written
as ISO strings, numbers as JSON numbers, NULL as null. Used by tests/sql_evidence.rs.
"""
import datetime
import json
import sys

import duckdb


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if value is None or isinstance(value, (int, float, str)):
        return value
    return float(value)


statements = json.load(sys.stdin)
connection = duckdb.connect()
results = []
for sql in statements:
    try:
        cursor = connection.execute(sql)
        columns = [d[0] for d in cursor.description]
        rows = [[plain(v) for v in row] for row in cursor.fetchall()]
        results.append({"columns": columns, "rows": rows})
    except Exception as error:  # reported per statement, the test fails with it
        results.append({"error": str(error)})
json.dump(results, sys.stdout)
