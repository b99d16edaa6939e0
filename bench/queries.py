"""Query counts of each page at each size, through Django's test client in this process on the bench database.

They must be equal across sizes: a page whose count grows with the plan runs a query per row somewhere.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from . import data, pages
from .results import Results


def client_for(username: str) -> Client:
    # The production settings: the site's host name and HTTPS, as nginx would pass them on.
    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(get_user_model().objects.get(username=username))
    return client


def count_queries(bench_data: data.BenchData, results: Results) -> None:
    clients = {who: client_for(username) for who, username in pages.USERNAMES.items()}
    counts: dict[str, dict[int, int]] = {}
    for size, plan in bench_data.plans.items():
        for label, who, path in pages.pages(plan):
            clients[who].get(path)  # the first request of a process loads templates and fills caches
            with CaptureQueriesContext(connection) as queries:
                response = clients[who].get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code} to the test client")
            counts.setdefault(label, {})[size] = len(queries)
    sizes = list(bench_data.plans)
    section = results.section(
        "Queries a page, at each size", ["page", *(f"{size} actions" for size in sizes), "constant"]
    )
    for label, by_size in counts.items():
        section.rows.append([label, *(by_size[size] for size in sizes), len(set(by_size.values())) == 1])
    results.figure("queries_constant", all(row[-1] for row in section.rows))
