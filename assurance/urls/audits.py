"""The audits pages; assurance/urls/__init__.py includes them under /assurance/."""

urlpatterns: list = []
