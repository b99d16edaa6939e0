"""A small HTTP client for the check: one cookie jar shared by every address, forms read from the page.

The same session must work through nginx and on each node directly, so cookies are kept by name regardless
of host or Secure flag (the check talks to a node over plain HTTP, saying it came through HTTPS as nginx would).
"""

import http.client
import ssl
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Origin:
    """Where requests go: nginx over HTTPS, or one node over HTTP with nginx's proxy headers."""

    name: str
    scheme: str
    port: int
    host_header: str = "localhost"
    proxy_headers: dict[str, str] = field(default_factory=dict)
    tls: ssl.SSLContext | None = None

    def connection(self, timeout: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection("localhost", self.port, timeout=timeout, context=self.tls)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)


class Browser:
    def __init__(self, csrf_origin: str):
        self.cookies: dict[str, str] = {}
        # The site's public address: the Origin a real browser sends with a form (DJANGO_CSRF_TRUSTED_ORIGINS).
        self.csrf_origin = csrf_origin

    def request(self, origin: Origin, method: str, path: str, *, body=b"", headers=None, timeout=30) -> Response:
        sent = {"Host": origin.host_header, **origin.proxy_headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if method == "POST":
            sent.update(Origin=self.csrf_origin, Referer=self.csrf_origin + path)
        connection = origin.connection(timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, raw.read())
            for header in raw.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
        finally:
            connection.close()
        return response

    def get(self, origin: Origin, path: str, **kwargs) -> Response:
        return self.request(origin, "GET", path, **kwargs)

    def post(self, origin: Origin, path: str, fields: list[tuple[str, str]], **kwargs) -> Response:
        body = urllib.parse.urlencode(fields).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request(origin, "POST", path, body=body, headers=headers, **kwargs)

    def post_multipart(self, origin: Origin, path: str, fields, files, **kwargs) -> Response:
        boundary = "deploycheckboundary7d1f"
        parts = []
        for name, value in fields:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (file_name, content, content_type) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            )
            parts.append(head.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.request(origin, "POST", path, body=body, headers=headers, **kwargs)


class FormReader(HTMLParser):
    """The fields of the page's forms with their current values, each form with its action and buttons."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": [], "buttons": []})
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("name"):
            self._input(attrs)
        elif tag == "button" and attrs.get("name"):
            self.forms[-1]["buttons"].append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = attrs.get("name")
            self.forms[-1]["fields"].append([self._textarea, ""])
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and ("selected" in attrs):
            self.forms[-1]["fields"].append([self._select, attrs.get("value", "")])

    def _input(self, attrs):
        kind = attrs.get("type", "text")
        if kind in {"checkbox", "radio"} and "checked" not in attrs:
            return
        if kind in {"submit", "file", "button"}:
            return
        self.forms[-1]["fields"].append([attrs["name"], attrs.get("value", "")])

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][-1][1] += data


def forms_of(html: str) -> list[dict]:
    reader = FormReader()
    reader.feed(html)
    return reader.forms


def form_with(html: str, field_name: str) -> dict:
    """The first form on the page that has this field (or button)."""
    for form in forms_of(html):
        names = {name for name, _ in form["fields"]} | {name for name, _ in form["buttons"]}
        if field_name in names:
            return form
    raise LookupError(f"no form with a field {field_name!r} on the page")


def field_value(form: dict, name: str) -> str:
    return next(value for field_name, value in form["fields"] if field_name == name)
