"""The language woosite speaks to its users, through gettext catalogs managed with Babel.

Messages are written in English in the code, wrapped in ``_()`` (``_("the front matter is not closed")``,
placeholders by name: ``_("same URL /{path} as {other}").format(...)``), and translated in
``generator/core/locale/<language>/LC_MESSAGES/woosite.po``. Dutch is the default, as the site and the team are
Dutch; ``language: en`` in site.yaml or ``WOOSITE_LANG=en`` gives English (the environment wins).

The ``.po`` files are the source. A compiled ``.mo`` beside one is used when it is at least as new (a wheel
carries them, compiled by ``setup.py``); otherwise the ``.po`` is compiled, so a fresh clone needs no build
step, and the result is kept beside it when the folder is writable (as Python keeps its bytecode: compiling
loads Babel and the e-mail parser, a tenth of a
second of every command's start). Updating the catalogs, from the repository's root::

    pybabel extract -F babel.cfg -k N_ -k Nn_:1,2 --no-location --sort-output -o generator/core/locale/woosite.pot .
    pybabel update -i generator/core/locale/woosite.pot -d generator/core/locale -D woosite
    (translate the new entries in generator/core/locale/nl/LC_MESSAGES/woosite.po)

``tests/test_translation.py`` fails when a message in the code has no translation.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import os
from functools import cache
from pathlib import Path

from generator.core.atomic import write_atomic

DOMAIN = "woosite"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT = "nl"
SOURCE = "en"
"""The language of the messages in the code: it needs no catalog."""
ENVIRONMENT = "WOOSITE_LANG"
STRICT = "WOOSITE_STRICT_MESSAGES"
"""Set (by the tests): a message without a translation is an error instead of English on a Dutch screen."""

_language = [os.environ.get(ENVIRONMENT) or DEFAULT]


def choose(site_language: str | None = None) -> str:
    """Speak the language of ``WOOSITE_LANG``, else the site's (``language:`` in site.yaml), else Dutch; one
    without a catalog is Dutch. Returns the language chosen."""
    wanted = os.environ.get(ENVIRONMENT) or site_language or DEFAULT
    _language[0] = wanted if wanted in available() else DEFAULT
    return _language[0]


def current() -> str:
    return _language[0]


def decimal(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals as the current language writes it: 0,98 in Dutch, 0.98 in English."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0." + "0" * digits, locale=current())


def available() -> frozenset[str]:
    """The languages messages can be shown in: the source language and every catalog."""
    found = LOCALE_DIR.iterdir() if LOCALE_DIR.is_dir() else ()
    return frozenset({SOURCE, *(p.name for p in found if (p / "LC_MESSAGES").is_dir())})


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalog(_language[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    return _catalog(_language[0]).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for the catalog without translating it here (``pybabel extract -k N_``)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for the catalog (``pybabel extract -k Nn_:1,2``)."""
    return singular, plural


CLICK_MESSAGES = (
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Aborted!"),
    N_("default: {default}"),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is a file."),
    N_("file"),
    N_("directory"),
    N_("path"),
    Nn_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Nn_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    Nn_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Nn_("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."),
    Nn_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)
"""The messages of Click a user of woosite meets (usage errors, help): in the catalog, so Click speaks Dutch."""


def translate_click() -> None:
    """Click's own messages ("Missing option", "Usage:", "Show this message and exit.") through the same
    catalog: Click calls ``gettext`` imported into each of its modules, which is replaced here."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _click  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_plural  # type: ignore[attr-defined]


def _click(message: str) -> str:
    """Click's message in the current language when the catalog has it (``CLICK_MESSAGES``), else Click's."""
    try:
        return _(message)
    except LookupError:
        return message


def _click_plural(singular: str, plural: str, count: int) -> str:
    try:
        return ngettext(singular, plural, count)
    except LookupError:
        return singular if count == 1 else plural


class _Strict(gettext.GNUTranslations):
    """A catalog that refuses to fall back to English (``WOOSITE_STRICT_MESSAGES``)."""

    def gettext(self, message: str) -> str:
        if message not in self._catalog:  # type: ignore[attr-defined]
            raise LookupError(f"no {self.info().get('language', '?')} translation for: {message!r}")
        return super().gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if (msgid1, 0) not in self._catalog:  # type: ignore[attr-defined]
            raise LookupError(f"no translation for: {msgid1!r}")
        return super().ngettext(msgid1, msgid2, n)


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    if language == SOURCE:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        data = mo.read_bytes()
    elif po.is_file():
        data = compile_po(po, language)
        with contextlib.suppress(OSError):  # kept for the next run; a read-only install compiles each time
            write_atomic(mo, data)
    else:
        return gettext.NullTranslations()
    kind = _Strict if os.environ.get(STRICT) else gettext.GNUTranslations
    return kind(io.BytesIO(data))


def compile_po(po: Path, language: str) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file (Babel's reader and writer: what ``pybabel compile`` does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=language, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()
