"""`make deploy-check`: the deployment files run for real on this machine, two app nodes behind nginx, and proved.

Run from the project's folder: `.venv/bin/python -m deploy.check`. deploy/README.md and docs/deployment.md say
what each proof shows.
"""
