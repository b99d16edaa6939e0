from django import forms

from mscb.models import PublicProfile
from objectives.forms import LoadedVersionMixin, VersionField


class PublicProfileForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = PublicProfile
        fields = ["purpose", "raise_a_concern"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 5}), "raise_a_concern": forms.Textarea(attrs={"rows": 6})}
