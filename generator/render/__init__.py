"""Rendering: the Jinja2 environment, Markdown and Dutch number/date formatting."""
