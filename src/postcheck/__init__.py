"""postcheck: check social-media posts against an organisation's social media policy."""

from postcheck.engine.checker import Checker
from postcheck.errors import ConfigError, InputError, PostcheckError
from postcheck.models import Context, Finding, Fix, Origin, Post, Report, RoutingEntry
from postcheck.taxonomy import Account, Category, Direction, Recipient, Severity, Verdict

__version__ = "0.1.0"

__all__ = [
    "Account",
    "Category",
    "Checker",
    "ConfigError",
    "Context",
    "Direction",
    "Finding",
    "Fix",
    "InputError",
    "Origin",
    "Post",
    "PostcheckError",
    "Recipient",
    "Report",
    "RoutingEntry",
    "Severity",
    "Verdict",
    "__version__",
]
