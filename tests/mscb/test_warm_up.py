"""What gunicorn's master does once before forking its workers (mscb/warm_up.py), so no worker does it on a page."""

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import clear_url_caches, get_resolver

from core.content_version import code_fingerprint
from mscb.warm_up import compile_templates, warm_up


def cached_loader():
    return engines["django"].engine.template_loaders[0]


def test_every_template_of_the_site_is_compiled_into_the_cached_loader():
    loader = cached_loader()
    loader.reset()
    folder = Path(settings.BASE_DIR) / "templates"
    ours = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}

    compiled = compile_templates()

    # None of the site's own is skipped as not compiling; each is kept for every later page of the process.
    assert "base.html" in ours
    assert ours <= set(compiled)
    kept = {key for key, value in loader.get_template_cache.items() if hasattr(value, "render")}
    assert ours <= kept
    assert {"admin/base.html", "django_tables2/bootstrap5.html"} <= kept  # and the installed apps' own


def test_warming_up_builds_the_url_map_and_hashes_the_code():
    code_fingerprint.cache_clear()
    clear_url_caches()

    warm_up()

    assert code_fingerprint.cache_info().currsize == 1
    assert get_resolver()._populated
