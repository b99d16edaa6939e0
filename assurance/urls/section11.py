"""The section11 pages; assurance/urls/__init__.py includes them under /assurance/."""

urlpatterns: list = []
