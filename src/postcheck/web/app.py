"""The FastAPI application behind `postcheck serve`.

Routes:
  GET  /                the check page (static HTML, CSS and JS from `postcheck/web/static/`)
  POST /api/check       a draft and its context -> the Report of the machine contract, unchanged
  GET  /api/rules       the rules in effect (id, name, category, severity, clause, fix label)
  GET  /api/clauses     the policy's clause texts, `{"§1": "1. Scope ..."}`
  GET  /api/meta        what the page loads once: platforms and limits, recipient labels, clauses
  GET  /openapi.json    the OpenAPI schema (no Swagger UI: it would load assets from a CDN)

Privacy: drafts are never logged or stored; the app makes no outgoing network calls.
"""

from __future__ import annotations

import html
import logging
import threading
from importlib import resources

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from postcheck import __version__
from postcheck.engine.checker import Checker
from postcheck.models import Report
from postcheck.policy_text import clauses
from postcheck.taxonomy import Recipient
from postcheck.web.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from postcheck.web.schemas import (
    CheckRequest,
    FieldError,
    PageMeta,
    PlatformInfo,
    RuleInfo,
    RuleList,
    ValidationErrorBody,
)

DEFAULT_MAX_BYTES = 64 * 1024

log = logging.getLogger(__name__)

_STATIC_TYPES = {
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}


def _static(name: str) -> str:
    return (resources.files("postcheck.web") / "static" / name).read_text(encoding="utf-8")


def _platform_options() -> str:
    # Rendered on the server so the select works before any script runs; values are our own
    # constants but are escaped anyway.
    return "\n".join(
        f'<option value="{html.escape(p.id)}" data-limit="{p.limit}" '
        f'data-name="{html.escape(p.label)}">'
        f"{html.escape(p.label)} ({p.limit:,})</option>"
        for p in PlatformInfo.all()
    )


def _field_errors(exc: RequestValidationError) -> list[FieldError]:
    out = []
    for error in exc.errors():
        # Drop the "body" prefix: the page and API users think in field names.
        loc = [str(part) for part in error.get("loc", ()) if part != "body"]
        # A JSON syntax error's location is a character position, not a field.
        field = "body" if error["type"] == "json_invalid" else ".".join(loc) or "body"
        # The submitted value (`input`) is deliberately left out: it may be the draft.
        out.append(FieldError(field=field, message=str(error.get("msg", "")), type=error["type"]))
    return out


def create_app(checker: Checker | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The web app around one Checker (the bundled pack when none is given).

    The Checker is built once here, not per request: compiling the rule pack is the slow part.
    `max_bytes` limits request bodies; larger ones get 413 before any parsing.
    """
    engine = checker or Checker.default()
    # The spaCy pipeline and component are not documented as thread-safe; FastAPI runs sync
    # endpoints on a thread pool, so checks take turns (each one is a few milliseconds).
    lock = threading.Lock()
    pack = engine.pack
    disclaimer = pack.profile.disclaimer_text
    rule_list = RuleList(
        pack=pack.manifest.name,
        ruleset=engine.ruleset,
        rules=[RuleInfo.from_spec(r.spec, disclaimer) for r in pack.rules],
    )
    clause_texts = dict(clauses())
    meta = PageMeta(
        pack=pack.manifest.name,
        ruleset=engine.ruleset,
        platforms=PlatformInfo.all(),
        recipients={r.value: r.label for r in Recipient},
        clauses=clause_texts,
        disclaimer=disclaimer,
        max_bytes=max_bytes,
    )
    index = (
        _static("index.html")
        .replace("<!--PLATFORM_OPTIONS-->", _platform_options())
        .replace("<!--PACK-->", html.escape(f"{pack.manifest.name} {pack.manifest.version}"))
    )
    assets = {name: _static(name) for name in _STATIC_TYPES}

    app = FastAPI(
        title="postcheck",
        version=__version__,
        description="Check a draft social-media post against the Social Media Policy.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_bytes)
    # Added last so it is outermost: 413s from the body limit get the headers too.
    app.add_middleware(SecurityHeadersMiddleware)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        body = ValidationErrorBody(detail=_field_errors(exc))
        return JSONResponse(status_code=422, content=body.model_dump())

    @app.get("/", include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(index)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:
            raise HTTPException(404, "not found")
        return Response(assets[name], media_type=_STATIC_TYPES[name])

    @app.post(
        "/api/check",
        response_model=Report,
        responses={
            413: {"description": "request body over the size limit"},
            422: {"model": ValidationErrorBody, "description": "a field is missing or invalid"},
        },
    )
    def check(request: CheckRequest) -> Report:
        """Check one draft; the response is the Report of the machine contract."""
        try:
            with lock:
                return engine.check(request.text, **request.model_dump(exclude={"text"}))
        except Exception as exc:
            # Log the kind of failure only: the message or traceback could quote the draft.
            log.error("check failed: %s", type(exc).__name__)
            raise HTTPException(500, "internal error while checking the draft") from None

    @app.get("/api/rules", response_model=RuleList)
    def rules() -> RuleList:
        """The rules in effect, in pack order."""
        return rule_list

    @app.get("/api/clauses", response_model=dict[str, str])
    def policy_clauses() -> dict[str, str]:
        """The full text of each policy clause, keyed `§1`, `§2`, ..."""
        return clause_texts

    @app.get("/api/meta", response_model=PageMeta)
    def page_meta() -> PageMeta:
        """Platforms with length limits, recipient labels and clause texts for the page."""
        return meta

    return app
