"""Serving: the product's gunicorn (the scp-web unit's own command line, 3 sync workers, DEBUG off, PostgreSQL)
behind the deployment's nginx with TLS, and the floor's WSGI app under the same gunicorn command line.

Pages and the floor are timed on gunicorn directly with nginx's proxy headers (deploy/check's node origins), so
both sides of each ratio pay the same HTTP and server costs; the load test goes through nginx over HTTPS, as a
browser does (the cookies are __Host- and Secure with DEBUG off).
"""

import ssl
from dataclasses import dataclass

from deploy.check import stack, units
from deploy.check.browser import Browser, Origin

# What nginx adds, so gunicorn asked directly sees what it sees behind nginx.
PROXIED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


@dataclass
class Served:
    app: Origin
    floor: Origin
    nginx: Origin
    site: str

    def browser(self) -> Browser:
        return Browser(csrf_origin=self.site)


def ports() -> dict[str, int]:
    found = {name: stack.free_port() for name in ("app", "floor", "http", "https")}
    # The deployment's nginx balances two nodes; here both are the one node, so nginx sends everything to it.
    return {**found, "a": found["app"], "b": found["app"]}


def start(bench: stack.Stack) -> Served:
    """collectstatic, then the product, the floor and nginx; waits until each answers."""
    bench.manage("collectstatic", "--noinput", "--clear")
    # Each of 200 users holds a connection to nginx and one upstream: past the check's 256 (Debian's default is 768).
    main = stack.configure_nginx(bench.folder, bench.ports, stack.ensure_nginx(), worker_connections=1024)
    bench.start_node("app")
    floor_command = units.command_line("scp-web@.service", bench.env, instance=str(bench.ports["floor"]))
    bench.start("floor", [part.replace("mscb.wsgi", "bench.floor_app:application") for part in floor_command])
    bench.start("nginx", [stack.ensure_nginx(), "-p", str(bench.folder), "-c", str(main)])
    tls = ssl.create_default_context(cafile=str(bench.folder / "cert.pem"))
    served = Served(
        app=Origin("gunicorn", "http", bench.ports["app"], proxy_headers=PROXIED),
        floor=Origin("floor", "http", bench.ports["floor"], proxy_headers=PROXIED),
        nginx=Origin("nginx", "https", bench.ports["https"], tls=tls),
        site=f"https://localhost:{bench.ports['https']}",
    )
    probe = served.browser()
    bench.wait_until(lambda: probe.get(served.app, "/health/").status == 200, "gunicorn's /health/")
    bench.wait_until(lambda: probe.get(served.nginx, "/health/").status == 200, "nginx")
    bench.wait_until(lambda: probe.get(served.floor, "/0/0/").status == 200, "the floor")
    return served
