"""One module per CLI command; each registers its parser and runs with imports of its own."""

from argmap.commands import edit, export, fmt, lint, new, schema, show, validate

COMMANDS = (new, edit, show, validate, fmt, lint, export, schema)
