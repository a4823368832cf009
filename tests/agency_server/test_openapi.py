"""The committed OpenAPI document is the protocol's reference for integrators: it must match the server."""

from __future__ import annotations

import json
from pathlib import Path

from counselor_app.agency_server.app import openapi_document
from tests.agency_server.server_support import Server

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol" / "openapi.json"
REGENERATE = "counselor-agency-server openapi --out docs/protocol/openapi.json"


def _without_generator_version(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "openapi"}


def test_committed_openapi_document_is_current() -> None:
    assert DOC.exists(), f"docs/protocol/openapi.json is missing: run {REGENERATE}"
    committed = json.loads(DOC.read_text(encoding="utf-8"))
    generated = json.loads(openapi_document())
    assert _without_generator_version(committed) == _without_generator_version(generated), (
        f"docs/protocol/openapi.json is stale: run {REGENERATE} and commit it")


def test_server_serves_its_openapi_document(server: Server) -> None:
    served = server.client.get("/openapi.json").json()
    assert served["info"]["title"] == "Counselor Desk agency sync protocol"
    assert "/api/v1/changes" in served["paths"] and "/api/v1/licenses/block" in served["paths"]
    assert served["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
