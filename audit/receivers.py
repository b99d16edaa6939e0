"""What the site does that the security log records, heard through signals so the pages doing it stay untouched.

Who did it is the signed-in user of the request being answered (audit.services.current_request), so a change
made from the people page or the admin is put to the manager who made it; a command's change has no one.
Permission denials and downloads are heard by audit.middleware instead, and wrong two-factor codes by
mscb.two_factor.check_code.
"""

from collections.abc import Callable

from axes.signals import user_locked_out
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import PublicDocument
from objectives.models import Agency

from .services import Kind, current_request, describe_user, record_event, signed_in

# The fields whose change the log reports, per model; their values as loaded are kept on the instance.
WATCHED = {"user": ("is_active", "email", "username"), "publication": ("public_since",)}


def _snapshot(instance, fields) -> None:
    """Keep the fields' values as they are now, to compare with at the next save (deferred ones as None)."""
    instance._audit_loaded = {name: instance.__dict__.get(name) for name in fields}


def _remember(fields):
    def receiver(sender, instance, **kwargs):
        _snapshot(instance, fields)

    return receiver


def _changed(instance, fields, update_fields) -> list[str]:
    loaded = getattr(instance, "_audit_loaded", {})
    return [
        name
        for name in fields
        if (update_fields is None or name in update_fields) and loaded.get(name) != instance.__dict__.get(name)
    ]


def sign_in_succeeded(sender, request, user, **kwargs):
    record_event(kind=Kind.SIGN_IN, request=request, user=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    # As typed, before the sign-in form matches it to an account's case: what a guesser tried, account or not.
    typed = request.POST.get("username") if request is not None and request.method == "POST" else None
    record_event(kind=Kind.SIGN_IN_FAILED, request=request, username=typed or str(credentials.get("username", "")))


def locked_out(sender, request, username, ip_address, **kwargs):
    record_event(kind=Kind.LOCKED_OUT, request=request, username=username or "")


def user_saved(sender, instance, created, update_fields=None, **kwargs):
    if created:
        record_event(kind=Kind.USER_CREATED, detail=f"Added {describe_user(instance)}")
    else:
        _user_changes(instance, update_fields)
    # Set by set_password() until the save completes; a hasher upgrade at sign-in saves the password alone.
    if getattr(instance, "_password", None) is not None and not created and update_fields != frozenset({"password"}):
        # By a reset link nobody is signed in: the entry is then put to the person themselves.
        by = signed_in(current_request()) or instance
        record_event(kind=Kind.PASSWORD_CHANGED, user=by, detail=f"New password for {describe_user(instance)}")


def _user_changes(instance, update_fields):
    changed = _changed(instance, WATCHED["user"], update_fields)
    if "is_active" in changed:
        verb = "Reactivated" if instance.is_active else "Deactivated"
        record_event(kind=Kind.USER_CHANGED, detail=f"{verb} {describe_user(instance)}")
    for name in ("email", "username"):
        if name in changed:
            old = instance._audit_loaded[name]
            record_event(kind=Kind.USER_CHANGED, detail=f"Changed the {name} of {describe_user(instance)} from {old}")
    _snapshot(instance, WATCHED["user"])


def _relation_logger(*, accessors: tuple[str, str], people_are_targets: bool, name: Callable):
    """A receiver for one many-to-many relation between people and what they belong to (groups, agencies).

    `accessors` are the forward and reverse managers' names; `people_are_targets` says whether the field points
    at people (Agency.members) or from them (User.groups). Django reports every id passed to remove(), member or
    not, so the members actually removed are read before removal.
    """

    def receiver(sender, instance, action, reverse, pk_set, model, **kwargs):
        if action == "pre_remove" and pk_set:
            linked = getattr(instance, accessors[1] if reverse else accessors[0]).filter(pk__in=pk_set)
            instance._audit_removing = set(linked.values_list("pk", flat=True))
            return
        if action not in ("post_add", "post_remove") or not pk_set:
            return
        ids = pk_set if action == "post_add" else instance.__dict__.pop("_audit_removing", set())
        others = list(model.objects.filter(pk__in=ids).order_by("pk")) if ids else []
        people_are_others = (not reverse) == people_are_targets
        people, things = (others, [instance]) if people_are_others else ([instance], others)
        if not people or not things:
            return
        verb, preposition = ("Added", "to") if action == "post_add" else ("Removed", "from")
        names = ", ".join(sorted(name(thing) for thing in things))
        for person in people:
            record_event(kind=Kind.ROLE_CHANGED, detail=f"{verb} {describe_user(person)} {preposition} {names}")

    return receiver


def publication_saved(sender, instance, created, update_fields=None, **kwargs):
    label = f"{instance._meta.verbose_name} {instance.pk}: {instance.title}"
    if created:
        record_event(kind=Kind.PUBLISHED, user=instance.published_by, detail=label)
    elif "public_since" in _changed(instance, WATCHED["publication"], update_fields):
        kind = Kind.MADE_PUBLIC if instance.public_since else Kind.WITHDRAWN
        record_event(kind=kind, detail=label)
    _snapshot(instance, WATCHED["publication"])


def _agency(agency) -> str:
    return f"agency {agency.pk} ({agency.name})"


def device_saved(sender, instance, created, update_fields=None, **kwargs):
    # An app counts once it is confirmed (set-up checks its first code); saves for throttling do not.
    if instance.confirmed and (created or (update_fields is not None and "confirmed" in update_fields)):
        record_event(
            kind=Kind.TWO_FACTOR_ADDED, detail=f"Two-factor app {instance.pk} for {describe_user(instance.user)}"
        )


def device_deleted(sender, instance, **kwargs):
    if instance.confirmed:
        detail = f"Two-factor app {instance.pk} of {describe_user(instance.user)}"
        record_event(kind=Kind.TWO_FACTOR_REMOVED, detail=detail)


def connect() -> None:
    """Connect every receiver once; called from AuditConfig.ready()."""
    user_model = get_user_model()
    user_logged_in.connect(sign_in_succeeded, dispatch_uid="audit_signed_in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit_sign_in_failed")
    user_locked_out.connect(locked_out, dispatch_uid="audit_locked_out")
    post_init.connect(_remember(WATCHED["user"]), sender=user_model, weak=False, dispatch_uid="audit_user_loaded")
    post_save.connect(user_saved, sender=user_model, dispatch_uid="audit_user_saved")
    groups = _relation_logger(accessors=("groups", "user_set"), people_are_targets=False, name=lambda group: group.name)
    m2m_changed.connect(groups, sender=user_model.groups.through, weak=False, dispatch_uid="audit_groups")
    members = _relation_logger(accessors=("members", "agencies"), people_are_targets=True, name=_agency)
    m2m_changed.connect(members, sender=Agency.members.through, weak=False, dispatch_uid="audit_memberships")
    post_save.connect(device_saved, sender=TOTPDevice, dispatch_uid="audit_device_saved")
    post_delete.connect(device_deleted, sender=TOTPDevice, dispatch_uid="audit_device_deleted")
    # Every kind of published document (committee and yearly reports), whichever app defines it.
    for model in apps.get_models():
        if issubclass(model, PublicDocument):
            uid = f"audit_{model._meta.label_lower}"
            remember = _remember(WATCHED["publication"])
            post_init.connect(remember, sender=model, weak=False, dispatch_uid=f"{uid}_loaded")
            post_save.connect(publication_saved, sender=model, dispatch_uid=f"{uid}_saved")
