"""WCAG 2.1 contrast: colours as CSS writes them, relative luminance, contrast ratio."""

from __future__ import annotations

import re

RGBA = tuple[float, float, float, float]

_NAMED = {
    "white": "#ffffff",
    "black": "#000000",
    "red": "#ff0000",
    "green": "#008000",
    "blue": "#0000ff",
    "yellow": "#ffff00",
    "orange": "#ffa500",
    "grey": "#808080",
    "gray": "#808080",
    "navy": "#000080",
    "purple": "#800080",
    "maroon": "#800000",
    "transparent": "#00000000",
}
_FUNCTION = re.compile(r"^(rgba?|hsla?)\(\s*([^)]*)\)$")


def parse_colour(value: str) -> RGBA | None:
    """``#rgb``, ``#rrggbb(aa)``, ``rgb()``, ``hsl()`` (and ``a`` forms), basic names: (r, g, b, alpha) in 0..1.

    None for anything else (``currentColor``, system colours, ``color-mix()``).
    """
    text = _NAMED.get(value.strip().lower(), value.strip().lower())
    if text.startswith("#") and len(text) in (4, 5, 7, 9):
        digits = text[1:]
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        try:
            channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        except ValueError:
            return None
        return (channels[0], channels[1], channels[2], channels[3] if len(channels) == 4 else 1.0)
    match = _FUNCTION.match(text)
    if not match:
        return None
    parts = [p for p in re.split(r"[\s,/]+", match.group(2)) if p]
    if len(parts) not in (3, 4):
        return None
    try:
        alpha = 1.0 if len(parts) == 3 else _fraction(parts[3], 1)
        if match.group(1).startswith("hsl"):
            hue = float(parts[0].removesuffix("deg"))
            r, g, b = _hsl(hue, _fraction(parts[1], 100), _fraction(parts[2], 100))
        else:
            r, g, b = (_fraction(p, 255) for p in parts[:3])
    except ValueError:
        return None
    return (r, g, b, alpha)


def _fraction(text: str, scale: float) -> float:
    """``50%`` or a number on ``scale`` as 0..1."""
    return float(text[:-1]) / 100 if text.endswith("%") else float(text) / scale


def _hsl(hue: float, saturation: float, lightness: float) -> tuple[float, float, float]:
    """CSS Color 4 hsl-to-rgb."""

    def f(n: float) -> float:
        k = (n + hue / 30) % 12
        a = saturation * min(lightness, 1 - lightness)
        return lightness - a * max(-1.0, min(k - 3, 9 - k, 1.0))

    return (f(0), f(8), f(4))


def over(colour: RGBA, background: RGBA) -> RGBA:
    """``colour`` composited over an opaque ``background``."""
    a = colour[3]
    r, g, b = (colour[i] * a + background[i] * (1 - a) for i in range(3))
    return (r, g, b, 1.0)


def luminance(colour: RGBA) -> float:
    """Relative luminance (WCAG 2.1)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: RGBA, background: RGBA) -> float:
    """Contrast ratio from 1 to 21; a translucent foreground is composited over the background first."""
    fg = over(foreground, background)
    lighter, darker = sorted((luminance(fg), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
