"""What each web worker would otherwise do on its first requests, done once in the process that forks them.

The web service runs gunicorn with --preload and --max-requests (deploy/systemd/scp-web@.service): the master
imports mscb.wsgi, forks the workers, and replaces each one after about a thousand requests. A new worker used to
compile every template, import the views and hash the release's code on its first pages: the committee report's
first view took some 600 ms, against 16 ms after. Done here, before the fork, every worker starts with them.
Nothing here may touch the database: a connection opened in the master would be shared by every worker.
"""

from pathlib import Path

from django.template import TemplateSyntaxError, engines
from django.template.backends.django import DjangoTemplates
from django.urls import get_resolver

from core.content_version import code_fingerprint


def warm_up() -> None:
    compile_templates()
    # The URL configuration, and with it every view module; reverse() then reads a ready map.
    get_resolver().reverse_dict  # noqa: B018 (read for the side effect of building it)
    code_fingerprint()


def compile_templates() -> list[str]:
    """Compile every template the Django engines find into their cached loaders; the names compiled.

    A file that does not compile is skipped: it is not a template of these engines (a package may ship others), and
    a page that did use it would fail the same way with or without this.
    """
    compiled = []
    for engine in engines.all():
        if not isinstance(engine, DjangoTemplates):
            continue
        for folder in _template_folders(engine):
            for path in sorted(folder.rglob("*")):
                if not path.is_file():
                    continue
                name = path.relative_to(folder).as_posix()
                try:
                    engine.get_template(name)
                except (TemplateSyntaxError, UnicodeDecodeError):
                    continue
                compiled.append(name)
    return compiled


def _template_folders(engine: DjangoTemplates) -> list[Path]:
    folders = []
    for loader in engine.engine.template_loaders:
        if hasattr(loader, "get_dirs"):
            folders.extend(Path(folder) for folder in loader.get_dirs() if Path(folder).is_dir())
    return folders
