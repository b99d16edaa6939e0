"""A page's text as a reader sees it: its HTML with entities such as &#x27; read back into characters."""

from html import unescape


def text_of(response) -> str:
    return unescape(response.content.decode())
