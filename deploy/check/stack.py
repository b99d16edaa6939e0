"""The running deployment: a fresh database, two gunicorn nodes, the task worker and nginx, as child processes.

Every process is started from the deployment files (units.py) and stopped at the end, whatever happened.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from . import units

POSTGRES = "postgres://postgres@127.0.0.1:5432"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def psql(database: str, sql: str) -> str:
    command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-At", "-v", "ON_ERROR_STOP=1"]
    return subprocess.run(command + ["-c", sql], check=True, capture_output=True, text=True).stdout


def fresh_database(name: str) -> None:
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql("postgres", f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def ensure_nginx() -> str:
    """Debian's nginx, installed if missing."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found:
        return found
    quiet = {"stdout": subprocess.DEVNULL, "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}}
    subprocess.run(["apt-get", "update", "-qq"], check=True, **quiet)
    subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, **quiet)
    return "/usr/sbin/nginx"


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        + ["-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def nginx_site(*, ports: dict[str, int], cert: Path, key: Path) -> str:
    """deploy/nginx/scp.conf with this machine's ports, certificate and static folder; nothing else changed."""
    site = (units.DEPLOY / "nginx" / "scp.conf").read_text()
    replacements = [
        (r"listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{ports['https']} ssl http2;"),
        (r"\s*listen \[::\]:\d+[^;]*;", ""),
        (r"server 127\.0\.0\.1:8001 ", f"server 127.0.0.1:{ports['a']} "),
        (r"server 127\.0\.0\.1:8002 ", f"server 127.0.0.1:{ports['b']} "),
        (r"ssl_certificate /\S+;", f"ssl_certificate {cert};"),
        (r"ssl_certificate_key /\S+;", f"ssl_certificate_key {key};"),
        (r"alias /srv/scp/", f"alias {units.PROJECT}/"),
    ]
    for pattern, replacement in replacements:
        site, count = re.subn(pattern, replacement, site)
        if not count:
            raise ValueError(f"deploy/nginx/scp.conf no longer has {pattern!r}: update deploy/check/stack.py")
    return site


def nginx_main_config(folder: Path, site: Path, *, worker_connections: int = 256) -> str:
    """The top of Debian's nginx.conf, pointed at the check's folder instead of /var."""
    temp = folder / "nginx-temp"
    temp.mkdir(exist_ok=True)
    paths = " ".join(
        f"{kind}_temp_path {temp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""
    return (
        f"{user} worker_processes 1; daemon off; pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'nginx-error.log'};\nevents {{ worker_connections {worker_connections}; }}\n"
        f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;\n"
        f"access_log {folder / 'nginx-access.log'}; {paths}\ninclude {site}; }}\n"
    )


def configure_nginx(folder: Path, ports: dict[str, int], nginx: str, *, worker_connections: int = 256) -> Path:
    """deploy/nginx/scp.conf for this machine with a self-signed certificate, tested by nginx; the main config.

    Start nginx with `[nginx, "-p", str(folder), "-c", str(main)]`. The bench serves behind it too (bench/serving.py).
    """
    cert, key = self_signed_certificate(folder)
    site = folder / "scp.conf"
    site.write_text(nginx_site(ports=ports, cert=cert, key=key))
    main = folder / "nginx.conf"
    main.write_text(nginx_main_config(folder, site, worker_connections=worker_connections))
    subprocess.run([nginx, "-t", "-q", "-p", str(folder), "-c", str(main)], check=True)
    return main


class Stack:
    """The child processes, each logging to its own file in the check's folder."""

    def __init__(self, folder: Path, database: str, ports: dict[str, int]):
        self.folder = folder
        self.ports = ports
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = self._environment(database)

    def _environment(self, database: str) -> dict[str, str]:
        """env.example as the units read it, with this machine's secrets, addresses and database."""
        env = units.read_env_file()
        site = f"https://localhost:{self.ports['https']}"
        env.update(
            DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
            DATABASE_URL=f"{POSTGRES}/{database}",
            DJANGO_ALLOWED_HOSTS="localhost",
            DJANGO_CSRF_TRUSTED_ORIGINS=site,
            SITE_URL=site,
            # No mail relay here; the e-mails go to the worker's log.
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            # Signing in with a password only: the check proves sessions across nodes, not two-factor sign-in.
            MFA_REQUIRED="false",
            WEB_CONCURRENCY="2",
        )
        base = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TZ") if key in os.environ}
        return {**base, **env}

    def manage(self, *args: str) -> None:
        command = [sys.executable, "manage.py", *args]
        with open(self.folder / "setup.log", "a") as log:
            subprocess.run(command, cwd=units.PROJECT, env=self.env, stdout=log, stderr=log, check=True)

    def start(self, name: str, command: list[str], **env) -> None:
        log = open(self.folder / f"{name}.log", "a")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command, cwd=units.PROJECT, env={**self.env, **env}, stdout=log, stderr=log, start_new_session=True
        )
        self.processes[name] = process

    def start_node(self, name: str) -> None:
        self.start(name, units.command_line("scp-web@.service", self.env, instance=str(self.ports[name])))

    def stop(self, name: str, *, wait: float = 40) -> int | None:
        """SIGTERM, as `systemctl stop` sends; the exit status, or None if it had to be killed."""
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return process.returncode if process else None
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(wait)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return None

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name, wait=15)

    def wait_until(self, ready, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} stopped while waiting for {what}; see {self.folder}/{name}.log")
            try:
                if ready():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"timed out waiting for {what}")
