from django.apps import AppConfig


class MscbConfig(AppConfig):
    name = "mscb"
    verbose_name = "Safeguarding partnership"

    def ready(self):
        # Connected here rather than in the middleware module, which loads only with the first
        # request: a sign-in before that (the test client's force_login) must stamp its session too.
        from django.contrib.auth.signals import user_logged_in

        from mscb.middleware import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="mscb_stamp_sign_in")
