"""A small OpenID provider for the single sign-on tests, on 127.0.0.1 at a port the system picks.

It speaks the authorization code flow as a real one does: /authorize answers a redirect to the
redirect URI with a one-time code and the state; /token exchanges the code (client secret and the
PKCE verifier checked) for an RS256 ID token signed with a key made for this run, carrying the
nonce; /jwks publishes the public key; /userinfo answers the bearer of the access token.
Tests set `person` (the claims of whoever "signs in" at the provider) and, to play a rogue or
broken provider, `id_token_changes`, `signing_key` or `broken`.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "board-tracker"
CLIENT_SECRET = "stub-client-secret"
KEY_ID = "stub-key-1"
BACKEND = "mscb.sso.backend.OrganisationAccountBackend"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class StubProvider:
    def __init__(self):
        self.key = new_key()
        self.signing_key = self.key
        self.person: dict = {}
        self.id_token_changes: dict = {}
        self.broken = False
        self._codes: dict[str, dict] = {}
        self._access_tokens: dict[str, dict] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()

    def set_up_site(self, settings) -> None:
        """Point the site's single sign-on at this provider (pytest-django's `settings` fixture)."""
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{self.url}/authorize"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{self.url}/token"
        settings.OIDC_OP_USER_ENDPOINT = f"{self.url}/userinfo"
        settings.OIDC_OP_JWKS_ENDPOINT = f"{self.url}/jwks"
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]

    def authorize(self, query: dict) -> str:
        code = secrets.token_urlsafe(16)
        self._codes[code] = {"query": query, "person": dict(self.person)}
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"

    def token(self, form: dict) -> dict | None:
        grant = self._codes.pop(form.get("code", ""), None)
        if grant is None or form.get("client_secret") != CLIENT_SECRET:
            return None
        query = grant["query"]
        verifier = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(verifier).rstrip(b"=").decode() != query.get("code_challenge"):
            return None
        access_token = secrets.token_urlsafe(16)
        self._access_tokens[access_token] = grant["person"]
        return {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "id_token": self.id_token(grant),
        }

    def id_token(self, grant: dict) -> str:
        now = int(time.time())
        claims = {"iss": self.url, "aud": CLIENT_ID, "iat": now, "exp": now + 300, "nonce": grant["query"]["nonce"]}
        claims.update(grant["person"])
        claims.update(self.id_token_changes)
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": KEY_ID})

    def jwks(self) -> dict:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def userinfo(self, authorization: str) -> dict | None:
        return self._access_tokens.get(authorization.removeprefix("Bearer "))


def _handler_for(provider: StubProvider):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            query = {name: values[0] for name, values in parse_qs(url.query).items()}
            if url.path == "/authorize":
                self.send_response(302)
                self.send_header("Location", provider.authorize(query))
                self.end_headers()
            elif url.path == "/jwks":
                self.answer(provider.jwks())
            elif url.path == "/userinfo":
                self.answer(provider.userinfo(self.headers.get("Authorization", "")))
            else:
                self.answer(None)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            form = {name: values[0] for name, values in parse_qs(self.rfile.read(length).decode()).items()}
            self.answer(provider.token(form) if urlsplit(self.path).path == "/token" else None)

        def answer(self, body):
            if provider.broken or body is None:
                self.send_response(500 if provider.broken else 400)
                body = {"error": "server_error" if provider.broken else "invalid_request"}
            else:
                self.send_response(200)
            content = json.dumps(body).encode()
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format, *args):
            pass  # Keep the test output to the tests.

    return Handler
