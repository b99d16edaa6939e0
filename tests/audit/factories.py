import factory
from factory.django import DjangoModelFactory

from audit.models import SecurityEvent


class SecurityEventFactory(DjangoModelFactory):
    class Meta:
        model = SecurityEvent

    kind = SecurityEvent.Kind.SIGN_IN
    username = factory.Sequence(lambda n: f"person{n}")
    address = "192.0.2.1"
    path = "/accounts/login/"
    method = "POST"
