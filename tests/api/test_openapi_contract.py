"""The OpenAPI description as a contract: bounded integer inputs, every error answer documented."""

from __future__ import annotations

from typing import Any

from config.api import COMMON_RESPONSES, api


def description() -> dict[str, Any]:
    return api.get_openapi_schema(path_prefix="/api/v1/")


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def _integers(schema: dict[str, Any], spec: dict[str, Any], where: str) -> list[tuple[str, dict[str, Any]]]:
    schema = _resolve(schema, spec)
    found = []
    for option in schema.get("anyOf", []) + schema.get("allOf", []) + schema.get("oneOf", []):
        found += _integers(option, spec, where)
    if schema.get("type") == "integer":
        found.append((where, schema))
    for name, child in schema.get("properties", {}).items():
        found += _integers(child, spec, f"{where}.{name}")
    if "items" in schema:
        found += _integers(schema["items"], spec, f"{where}[]")
    return found


def test_every_integer_the_api_accepts_is_bounded():
    """An unbounded integer reaches the database as a number it cannot hold: a server error."""
    spec = description()
    unbounded = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            label = f"{method.upper()} {path}"
            integers = []
            for parameter in operation.get("parameters", []):
                integers += _integers(parameter.get("schema", {}), spec, f"{label} {parameter['name']}")
            for media in operation.get("requestBody", {}).get("content", {}).values():
                integers += _integers(media.get("schema", {}), spec, f"{label} body")
            unbounded += [where for where, schema in integers if "maximum" not in schema]
    assert unbounded == []


def test_every_operation_documents_the_errors_it_may_answer():
    spec = description()
    for operations in spec["paths"].values():
        for operation in operations.values():
            assert set(COMMON_RESPONSES) <= set(operation["responses"]), operation["operationId"]
