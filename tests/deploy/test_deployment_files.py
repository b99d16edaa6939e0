"""The deployment files agree with the code: every variable the settings read, every command a unit runs."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import find_commands, get_commands

from deploy.check import stack, units
from deploy.check.browser import field_value, form_with, forms_of
from tests.mscb.test_settings import production_env, run_python

SETTINGS_SOURCE = Path(settings.BASE_DIR, "mscb", "settings.py").read_text()


def test_env_example_names_every_variable_the_settings_read():
    read = set(re.findall(r'(?:env_bool|env_int|env_list|os\.environ\.get)\(\s*"(\w+)"', SETTINGS_SOURCE))
    listed = set(units.read_env_file())

    assert len(read) > 20
    assert read - listed == set(), "add these to deploy/env.example"


def test_env_example_sets_up_one_proxy_and_the_database_queue():
    env = units.read_env_file()

    assert env["AXES_IPWARE_PROXY_COUNT"] == "1"
    assert env["TASKS_BACKEND"] == "database"
    assert env["DJANGO_DEBUG"] == "false"


def test_every_management_command_the_units_run_exists():
    # The task queue's own commands come with django_tasks_db, installed when TASKS_BACKEND=database.
    import django_tasks_db

    known = set(get_commands()) | set(find_commands(str(Path(django_tasks_db.__file__).parent / "management")))
    commands = units.management_commands()

    assert {command for _, command in commands} >= {
        "db_worker",
        "send_reminders",
        "apply_retention",
        "purge_security_log",
        "clean_generated_files",
    }
    assert [(unit, command) for unit, command in commands if command not in known] == []


def test_every_scheduled_service_has_a_timer():
    oneshots = {p.stem for p in units.SYSTEMD.glob("*.service") if "Type=oneshot" in p.read_text()}
    timers = {p.stem for p in units.SYSTEMD.glob("*.timer")}

    assert {
        "scp-reminders",
        "scp-evaluation-links",
        "scp-digest",
        "scp-retention",
        "scp-security-log",
        "scp-clean-files",
        "scp-prune-tasks",
    } <= oneshots
    assert oneshots == timers


def test_web_unit_runs_gunicorn_with_the_request_timeout_and_worker_renewal():
    env = {"SCP_BIND_ADDRESS": "127.0.0.1"}

    command = units.command_line("scp-web@.service", env, instance="8001")

    assert command[0] == str(units.PROJECT / ".venv" / "bin" / "gunicorn")
    assert command[1:4] == ["mscb.wsgi", "--bind", "127.0.0.1:8001"]
    assert command[command.index("--timeout") + 1] == "30"
    assert "--max-requests" in command
    assert "--graceful-timeout" in command
    assert "--preload" in command  # the app loaded once, in the master; workers fork with it


def test_loading_the_app_as_the_preloading_master_does_opens_no_database_connection():
    """With --preload the master imports mscb.wsgi and forks the workers: a connection it held would be shared."""
    probe = "import mscb.wsgi; from django.db import connections; print([c.connection for c in connections.all()])"

    result = run_python(probe, **production_env(DATABASE_URL="postgres://nobody@127.0.0.1:1/none"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[None]"]


def test_nginx_accepts_the_largest_import_with_headroom():
    site = (units.DEPLOY / "nginx" / "scp.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", site)[1])

    assert megabytes * 1024 * 1024 >= settings.IMPORT_MAX_BYTES + 512 * 1024


def test_the_check_changes_only_ports_certificate_and_paths_in_the_nginx_site(tmp_path):
    ports = {"a": 41001, "b": 41002, "http": 41080, "https": 41443}

    site = stack.nginx_site(ports=ports, cert=tmp_path / "c.pem", key=tmp_path / "k.pem")

    original = (units.DEPLOY / "nginx" / "scp.conf").read_text()
    assert "alias /srv/scp" not in site
    assert "server 127.0.0.1:41001 max_fails=3" in site
    assert "listen 127.0.0.1:41443 ssl http2;" in site
    assert f"ssl_certificate {tmp_path / 'c.pem'};" in site
    kept = ("client_max_body_size", "proxy_next_upstream", "add_header", "return 405", "proxy_read_timeout")
    for directive in kept:
        assert site.count(directive) == original.count(directive)


def test_the_checks_form_reader_keeps_each_fields_current_value():
    html = """
    <form method="get" action="/search/"><input name="q" value="x"></form>
    <form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="t0k">
      <input type="checkbox" name="ticked" value="1" checked><input type="checkbox" name="unticked" value="1">
      <select name="rag"><option value="">None</option><option value="A" selected>Amber</option></select>
      <textarea name="progress">Met &amp; agreed</textarea>
      <button name="intent" value="save">Save</button></form>
    """

    form = form_with(html, "progress")

    assert len(forms_of(html)) == 2
    assert form["fields"] == [
        ["csrfmiddlewaretoken", "t0k"],
        ["ticked", "1"],
        ["rag", "A"],
        ["progress", "Met & agreed"],
    ]
    assert form["buttons"] == [("intent", "save")]
    assert field_value(form, "csrfmiddlewaretoken") == "t0k"
