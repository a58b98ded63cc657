"""The web API with FastAPI's test client: contract shape, bad input, limits, privacy."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from postcheck import Checker
from postcheck.web import DEFAULT_MAX_BYTES, create_app

CONTRACT_KEYS = {"id", "verdict", "severity", "routing", "findings", "ruleset"}
FINDING_KEYS = {
    "rule", "category", "severity", "start", "end", "excerpt",
    "message", "suggestion", "policy", "routing",
}  # fmt: skip


def test_check_returns_the_report_of_the_machine_contract(client: TestClient) -> None:
    text = "Great day at Birkenhead Sixth Form!"
    response = client.post("/api/check", json={"text": text, "account": "personal"})
    assert response.status_code == 200
    report = response.json()
    assert report.keys() >= CONTRACT_KEYS
    assert report["verdict"] == "revise"
    assert set(report["ruleset"]) == {"version", "sha256"}
    [finding] = report["findings"]
    assert finding.keys() >= FINDING_KEYS
    assert finding["rule"] == "DISC-MISSING"
    assert text[finding["start"] : finding["end"]] == "Birkenhead Sixth Form"
    assert finding["fix"]["label"] == "Add the policy disclaimer"


def test_check_matches_the_library(client: TestClient, checker: Checker) -> None:
    body = {"text": "Call me on 07700 900123", "account": "official", "platform": "x"}
    response = client.post("/api/check", json=body)
    expected = checker.check(body["text"], account="official", platform="x")
    assert response.json() == json.loads(expected.model_dump_json())


def test_clean_post_passes(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "Open evening on Thursday at 6pm."})
    assert response.json()["verdict"] == "pass"
    assert response.json()["severity"] == "none"


def test_bio_disclaimer_counts(client: TestClient) -> None:
    body = {
        "text": "Great day at Birkenhead Sixth Form!",
        "account": "personal",
        "bio": "Teacher. Views are my own.",
    }
    assert client.post("/api/check", json=body).json()["verdict"] == "pass"


def test_received_post_routes_to_it_services(client: TestClient) -> None:
    body = {"text": "You are a useless idiot and everyone knows it", "direction": "received"}
    report = client.post("/api/check", json=body).json()
    assert report["verdict"] != "pass"
    reasons = [r["reason"] for r in report["routing"] if r["recipient"] == "it_services"]
    assert any("before any response" in reason for reason in reasons)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "hi", "account": "company"}, "account"),
        ({"text": "hi", "direction": "sideways"}, "direction"),
        ({"text": "hi", "platform": "myspace"}, "platform"),
        ({"text": 42}, "text"),
        ({"account": "personal"}, "text"),
        ({"text": "hi", "colour": "blue"}, "colour"),
    ],
)
def test_bad_input_is_422_naming_the_field(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/check", json=body)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert [e["field"] for e in errors] == [field]
    assert all(e["message"] for e in errors)


def test_422_does_not_echo_the_submitted_values(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "my secret draft", "account": "nope"})
    assert response.status_code == 422
    assert "my secret draft" not in response.text
    assert "nope" not in response.text


def test_malformed_json_is_422_for_the_body(client: TestClient) -> None:
    response = client.post(
        "/api/check", content=b'{"text": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "body"


def test_huge_body_is_413_from_content_length(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "a" * (DEFAULT_MAX_BYTES + 1)})
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert detail.startswith("draft too large: ")
    assert detail.endswith(f"bytes (limit {DEFAULT_MAX_BYTES})")


def test_huge_body_without_content_length_is_413_from_its_real_size(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 1000
        yield b'"}'

    response = client.post(
        "/api/check", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["detail"] == (
        f"draft too large: 100012 bytes (limit {DEFAULT_MAX_BYTES})"
    )


def test_limit_is_configurable(checker: Checker) -> None:
    with TestClient(create_app(checker, max_bytes=2048)) as small:
        ok = small.post("/api/check", json={"text": "a" * 1000})
        too_big = small.post("/api/check", json={"text": "a" * 3000})
    assert ok.status_code == 200
    assert too_big.status_code == 413
    assert "(limit 2048)" in too_big.json()["detail"]


def test_rules_lists_ids_with_fixes(client: TestClient) -> None:
    data = client.get("/api/rules").json()
    by_id = {rule["id"]: rule for rule in data["rules"]}
    assert {"DISC-MISSING", "DP-PHONE", "SEC-PASSWORD"} <= by_id.keys()
    assert by_id["DISC-MISSING"]["fix"] == "Add the policy disclaimer"
    assert by_id["DISC-MISSING"]["clause"] == "§1"
    # `{disclaimer}` is filled in with the profile's wording.
    assert "{disclaimer}" not in by_id["DISC-MISSING"]["suggestion"]
    assert set(data["ruleset"]) == {"version", "sha256"}


def test_clauses_and_meta(client: TestClient) -> None:
    clauses = client.get("/api/clauses").json()
    assert clauses["§1"].startswith("1.")
    meta = client.get("/api/meta").json()
    assert {p["id"]: p["limit"] for p in meta["platforms"]} == {
        "x": 280,
        "instagram": 2200,
        "linkedin": 3000,
        "facebook": 63206,
        "tiktok": 2200,
    }
    assert meta["recipients"]["it_services"] == "IT Services"
    assert meta["clauses"] == clauses
    assert meta["max_bytes"] == DEFAULT_MAX_BYTES


def test_openapi_schema_loads(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/check", "/api/rules", "/api/clauses", "/api/meta"} <= schema["paths"].keys()
    assert "CheckRequest" in schema["components"]["schemas"]
    # No Swagger UI: it would load scripts from a CDN.
    assert client.get("/docs").status_code == 404


def test_page_and_assets_are_served_with_strict_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'data-limit="280"' in page.text
    assert "<!--" not in page.text.split("<body>")[1]  # every placeholder was filled
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    for name, kind in (("app.js", "javascript"), ("app.css", "css")):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200
        assert kind in asset.headers["content-type"]
        assert "http://" not in asset.text and "https://" not in asset.text
    assert client.get("/static/../app.py").status_code == 404
    too_big = client.post("/api/check", json={"text": "a" * (DEFAULT_MAX_BYTES + 1)})
    assert "default-src 'self'" in too_big.headers["content-security-policy"]


def test_drafts_are_never_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    draft = "Secret draft 7f3a: call Jo on 07700 900123 at Birkenhead Sixth Form"
    with caplog.at_level(logging.DEBUG):
        client.post("/api/check", json={"text": draft, "account": "personal"})
        client.post("/api/check", json={"text": draft, "account": "bogus"})
        client.post("/api/check", json={"text": draft + "a" * DEFAULT_MAX_BYTES})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "7f3a" not in logged
    assert "07700" not in logged
