"""Loaded with `-p tests.environment` so these are set before pytest-django reads the settings."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-key-" + "x" * 60)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Tests speak plain HTTP to the test client and the live server.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# The live server serves files straight from the folders; no collectstatic manifest.
os.environ.setdefault("DJANGO_MANIFEST_STATIC", "false")
# Playwright's sync API runs an event loop in the test thread; the ORM may still be used there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Two-factor sign-in is off unless a test turns it on (settings.MFA_REQUIRED = True).
os.environ.setdefault("MFA_REQUIRED", "false")
