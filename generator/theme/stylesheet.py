"""``static/style.css``: the theme's tokens, the NL Design System component CSS and woosite's own layer.

One file per page, built from files in the package (``templates/nlds/``), so a site builds without npm.
Only the tokens some rule refers to are written (a municipality's token package has thousands).
"""

from __future__ import annotations

from generator.theme import tokens
from generator.theme.themes import NLDS_DIR, Theme

COMPONENTS = NLDS_DIR / "components.css"


def bundle(theme: Theme, layer: str) -> str:
    """The complete stylesheet for ``theme`` with ``layer`` (woosite's style.css, or the site's own) last."""
    components = COMPONENTS.read_text(encoding="utf-8")
    used = tokens.used(theme.tokens, tokens.references(components + layer))
    header = f"/* woosite: NL Design System components, theme {theme.label} ({theme.source}). */\n"
    return header + tokens.as_css(used) + components + layer
