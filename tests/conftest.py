from __future__ import annotations

import pytest

from postcheck import Checker


@pytest.fixture(scope="session")
def checker() -> Checker:
    """The bundled pack, built once: compiling matchers is the slow part."""
    return Checker.default()
