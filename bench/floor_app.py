"""The floor as a WSGI app, served by the same gunicorn command line as the product: GET /<plan>/<round>/.

No Django: one persistent psycopg2 connection per worker (as CONN_MAX_AGE keeps the product's), one query.
"""

import os
import re

import psycopg2

from bench import floor

_connection = None
_PATH = re.compile(r"^/(\d+)/(\d+)/$")


def _cursor():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg2.connect(os.environ["DATABASE_URL"])
        _connection.autocommit = True
    return _connection.cursor()


def application(environ, start_response):
    match = _PATH.match(environ.get("PATH_INFO", ""))
    if match is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Ask for /<plan id>/<round id>/"]
    with _cursor() as cursor:
        rows = floor.fetch(cursor, plan_id=int(match[1]), round_id=int(match[2]))
    body = floor.render(rows).encode()
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
