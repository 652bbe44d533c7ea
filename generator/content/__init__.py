"""Reading content files: front matter + Markdown body -> validated models, with file:line problems."""
