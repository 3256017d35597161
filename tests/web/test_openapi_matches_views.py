"""The API document follows the code: every answer of every endpoint, for every kind of
reader, holds only fields the document declares, of the declared types."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver

from samraad.api.openapi import document
from tests.web.world import World

TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
    "null": type(None),
}


def conforms(value: Any, schema: dict[str, Any], components: dict[str, Any], at: str) -> None:
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if "enum" in schema:
        assert value in schema["enum"], f"{at}: {value!r} not in {schema['enum']}"
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        ok = any(
            isinstance(value, TYPES[k]) and not (k in ("integer", "number") and value is True)
            for k in kinds
        )
        assert ok, f"{at}: {value!r} is not {kinds}"
    if isinstance(value, dict) and "object" in (kinds or []):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            assert key in properties or extra, f"{at}.{key}: not in the document"
            conforms(item, properties.get(key) or extra, components, f"{at}.{key}")
        missing = set(schema.get("required", ())) - set(value)
        assert not missing, f"{at}: required {sorted(missing)} missing"
    if isinstance(value, list):
        for i, item in enumerate(value):
            conforms(item, schema.get("items", {}), components, f"{at}[{i}]")


ANSWERS = [
    ("/api/v1/units/BUF/statistics", "/v1/units/{unit_id}/statistics"),
    ("/api/v1/units/BUF/statistics?structure=current&as_of=2026-06-15", None),
    ("/api/v1/units/SOL/statistics?kind=quarter&compare=parent", "/v1/units/{unit_id}/statistics"),
    ("/api/v1/units/MAE/statistics?kind=year&compare=parent", "/v1/units/{unit_id}/statistics"),
    ("/api/v1/units/BUF/sub-units", "/v1/units/{unit_id}/sub-units"),
    ("/api/v1/units/SOL/employees", "/v1/units/{unit_id}/employees"),
    ("/api/v1/units/SOL/longest", "/v1/units/{unit_id}/longest"),
    ("/api/v1/units/SOL/longest?top=1&min_days=1", None),
    ("/api/v1/alerts", "/v1/alerts"),
    ("/api/v1/alerts?status=closed", None),
]


@pytest.mark.parametrize("reader", ["carl", "henrik"])
@pytest.mark.parametrize(("url", "path"), ANSWERS)
def test_every_answer_conforms_to_the_document(
    client: Client, world: World, reader: str, url: str, path: str | None
) -> None:
    spec = document("http://testserver/")
    template = path or next(p for u, p in ANSWERS if p and url.startswith(u.split("?")[0]))
    client.force_login(getattr(world, reader))
    response = client.get(url)
    declared = spec["paths"][template]["get"]["responses"][str(response.status_code)]
    schema = declared["content"]["application/json"]["schema"]
    conforms(response.json(), schema, spec["components"]["schemas"], url)


def test_every_endpoint_is_in_the_document() -> None:
    api = next(p for p in get_resolver().url_patterns if str(p.pattern) == "api/")
    routes = {
        "/" + str(p.pattern).replace("<str:unit_id>", "{unit_id}")
        for p in api.url_patterns  # type: ignore[attr-defined]
        if p.name != "openapi"
    }
    assert routes == set(document("http://testserver/")["paths"])
