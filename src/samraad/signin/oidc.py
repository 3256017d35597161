"""The OpenID Connect authorization code flow with PKCE, against the municipality's
identity provider (Entra ID, or any provider that publishes a discovery document).

1. `authorization_url`: state, nonce and a PKCE verifier go into the session; the
   browser goes to the provider.
2. The provider sends the browser back to SAMRAAD_BASE_URL/accounts/oidc/callback/
   with a code; `claims_from_callback` checks the state, exchanges the code (with the
   client secret and the verifier) and verifies the ID token: signature against the
   provider's published keys (RS256/ES256/PS256), issuer, audience, expiry, nonce.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
import urllib.parse
import urllib.request
from typing import Any

from django.conf import settings
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

ALGORITHMS = ["RS256", "ES256", "PS256"]
LEEWAY_SECONDS = 60
TIMEOUT_SECONDS = 10
SESSION_KEY = "samraad_oidc"
# The discovery document and keys, per process; keys are fetched again when a token
# names a key the cached set does not hold (the provider rotated its keys).
_discovery: dict[str, dict[str, Any]] = {}
_keys: dict[str, KeySet] = {}


class OidcError(Exception):
    """The sign-in cannot go on; the message is for the log, not the user."""


def enabled() -> bool:
    return bool(settings.SAMRAAD_OIDC_ISSUER)


def _issuer() -> str:
    return str(settings.SAMRAAD_OIDC_ISSUER).rstrip("/")


def _get_json(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return json.load(response)
    except (OSError, ValueError) as exc:
        raise OidcError(f"{url}: {exc}") from exc


def discovery() -> dict[str, Any]:
    issuer = _issuer()
    if issuer not in _discovery:
        document = _get_json(f"{issuer}/.well-known/openid-configuration")
        if document.get("issuer", "").rstrip("/") != issuer:
            raise OidcError(f"the discovery document names issuer {document.get('issuer')!r}")
        _discovery[issuer] = document
    return _discovery[issuer]


def redirect_uri() -> str:
    return f"{str(settings.BASE_URL).rstrip('/')}/accounts/oidc/callback/"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def authorization_url(session: Any, next_url: str) -> str:
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    session[SESSION_KEY] = {"state": state, "nonce": nonce, "verifier": verifier, "next": next_url}
    query = {
        "response_type": "code",
        "client_id": settings.SAMRAAD_OIDC_CLIENT_ID,
        "redirect_uri": redirect_uri(),
        "scope": settings.SAMRAAD_OIDC_SCOPES,
        "state": state,
        "nonce": nonce,
        "code_challenge": _b64(hashlib.sha256(verifier.encode()).digest()),
        "code_challenge_method": "S256",
    }
    return f"{discovery()['authorization_endpoint']}?{urllib.parse.urlencode(query)}"


def _token_response(code: str, verifier: str) -> dict[str, Any]:
    client = urllib.parse.quote(settings.SAMRAAD_OIDC_CLIENT_ID, safe="")
    secret = urllib.parse.quote(settings.SAMRAAD_OIDC_CLIENT_SECRET, safe="")
    basic = base64.b64encode(f"{client}:{secret}".encode()).decode()
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri(),
        "code_verifier": verifier,
    }
    headers = {
        "Authorization": f"Basic {basic}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
    }
    data = urllib.parse.urlencode(form).encode()
    response: dict[str, Any] = _get_json(discovery()["token_endpoint"], data, headers)
    return response


def _key_set(refresh: bool) -> KeySet:
    issuer = _issuer()
    if refresh or issuer not in _keys:
        _keys[issuer] = KeySet.import_key_set(_get_json(discovery()["jwks_uri"]))
    return _keys[issuer]


def _decode(id_token: str) -> jwt.Token:
    try:
        return jwt.decode(id_token, _key_set(refresh=False), algorithms=ALGORITHMS)
    except JoseError:
        # Perhaps a new key: fetch the set once more before giving up.
        try:
            return jwt.decode(id_token, _key_set(refresh=True), algorithms=ALGORITHMS)
        except (JoseError, ValueError) as exc:
            raise OidcError(f"the ID token's signature does not verify: {exc}") from exc


def verify_id_token(id_token: str, nonce: str, now: float | None = None) -> dict[str, Any]:
    claims: dict[str, Any] = dict(_decode(id_token).claims)
    now = time.time() if now is None else now
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    problems = [
        (str(claims.get("iss", "")).rstrip("/") != _issuer(), "issuer"),
        (settings.SAMRAAD_OIDC_CLIENT_ID not in audiences, "audience"),
        (len(audiences) > 1 and claims.get("azp") != settings.SAMRAAD_OIDC_CLIENT_ID, "azp"),
        (
            not isinstance(claims.get("exp"), int | float) or claims["exp"] < now - LEEWAY_SECONDS,
            "expiry",
        ),
        (
            not isinstance(claims.get("iat"), int | float) or claims["iat"] > now + LEEWAY_SECONDS,
            "issued at",
        ),
        (not secrets.compare_digest(str(claims.get("nonce", "")), nonce), "nonce"),
        (not claims.get("sub"), "subject"),
    ]
    wrong = [name for failed, name in problems if failed]
    if wrong:
        raise OidcError(f"the ID token's {', '.join(wrong)} is wrong")
    return claims


def claims_from_callback(session: Any, params: dict[str, str]) -> tuple[dict[str, Any], str]:
    """The verified claims and where the user was going."""
    started = session.pop(SESSION_KEY, None)
    if not started:
        raise OidcError("no sign-in was started in this session")
    if "error" in params:
        raise OidcError(
            f"the provider answered {params['error']}: {params.get('error_description', '')}"
        )
    if not secrets.compare_digest(params.get("state", ""), started["state"]):
        raise OidcError("the state does not match")
    tokens = _token_response(params.get("code", ""), started["verifier"])
    if "id_token" not in tokens:
        raise OidcError("the token response holds no ID token")
    return verify_id_token(tokens["id_token"], started["nonce"]), started["next"]


def forget_provider() -> None:
    """Drop the cached discovery document and keys (tests, a changed setting)."""
    _discovery.clear()
    _keys.clear()
