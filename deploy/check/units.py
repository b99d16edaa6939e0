"""The command lines and environment the deployment files give, read from the files themselves.

The check starts its processes from these, so a mistake in a unit's ExecStart or in env.example fails it.
"""

import re
import shlex
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent.parent
PROJECT = DEPLOY.parent
SYSTEMD = DEPLOY / "systemd"
ENV_EXAMPLE = DEPLOY / "env.example"
# Where the units expect the project; the check runs it where it is.
INSTALLED_AT = "/srv/scp"


def read_env_file(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    """NAME=value lines, as systemd's EnvironmentFile= reads them (comments and blank lines skipped)."""
    env = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = line.partition("=")
        if not equals or not re.fullmatch(r"[A-Z_][A-Z0-9_]*", name):
            raise ValueError(f"{path.name} line {number} is not NAME=value: {line!r}")
        env[name] = value
    return env


def service_value(unit: str, key: str) -> str:
    """One key of a unit file's [Service] section, such as ExecStart."""
    section = ""
    for line in (SYSTEMD / unit).read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and line.startswith(f"{key}="):
            return line.partition("=")[2]
    raise ValueError(f"{unit} has no {key}= in [Service]")


def command_line(unit: str, env: dict[str, str], *, instance: str = "") -> list[str]:
    """A unit's ExecStart as systemd would run it: %i is the instance, ${NAME} comes from the environment."""
    line = service_value(unit, "ExecStart").replace("%i", instance)
    line = re.sub(r"\$\{(\w+)\}", lambda match: env[match[1]], line)
    return [part.replace(INSTALLED_AT, str(PROJECT)) for part in shlex.split(line)]


def management_commands() -> list[tuple[str, str]]:
    """(unit, command) for each unit that runs `manage.py <command>`."""
    found = []
    for unit in sorted(SYSTEMD.glob("*.service")):
        args = shlex.split(service_value(unit.name, "ExecStart"))
        if "manage.py" in args:
            found.append((unit.name, args[args.index("manage.py") + 1]))
    return found
