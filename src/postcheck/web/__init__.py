"""The pre-publication check page (`postcheck serve`): a FastAPI app and its static page.

`create_app()` builds the app; the page itself is plain HTML, CSS and JavaScript shipped in
`postcheck/web/static/` so it works offline and loads nothing from third parties.
"""

from postcheck.web.app import DEFAULT_MAX_BYTES, create_app

__all__ = ["DEFAULT_MAX_BYTES", "create_app"]
