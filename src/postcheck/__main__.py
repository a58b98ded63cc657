"""`python -m postcheck` runs the CLI."""

from postcheck.cli import main

main()
