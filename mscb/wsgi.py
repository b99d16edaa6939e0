import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscb.settings")
application = get_wsgi_application()

# gunicorn's master (--preload) imports this module once and forks its workers from it: see mscb/warm_up.py.
from mscb.warm_up import warm_up  # noqa: E402 (Django is set up by the line above)

warm_up()
