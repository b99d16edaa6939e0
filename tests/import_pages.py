"""Confirming an import as its preview page does, for the tests of every import's pages."""


def confirm(client, url: str, **kwargs):
    """Show the preview, then post the fingerprint of the changes it showed, as the page's button does."""
    preview = client.get(url).context["preview"]
    return client.post(url, {"fingerprint": preview.fingerprint}, **kwargs)
