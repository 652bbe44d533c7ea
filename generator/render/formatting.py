"""Dutch formatting of numbers and dates for people (Babel); pure functions used as template filters."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from babel.units import format_unit

LOCALE = "nl_NL"
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
MINUS = "\u2212"


def number(value: int | float | str | None, locale: str = LOCALE) -> str:
    """-4886 -> "−4.886" (a true minus sign, as typeset figures have); None -> ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    text = format_decimal(value, format="#,##0.###", locale=locale)
    return text.replace("-", MINUS)


def percentage(value: int | float | str | None, locale: str = LOCALE) -> str:
    """3.8 -> "3,8 %" (the value is already in percent, as printed)."""
    if value is None or isinstance(value, str):
        return value or ""
    return number(value, locale) + "\u00a0%"


def date(value: dt.date | dt.datetime | None, locale: str = LOCALE) -> str:
    """2021-08-02 -> "2 augustus 2021"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return format_datetime(value, format="d MMMM y HH:mm", locale=locale)
    return format_date(value, format="long", locale=locale)


def filesize(size: int, locale: str = LOCALE) -> str:
    """1234 -> "1,2 kB", for download links."""
    if size < 1000:
        return format_unit(size, "digital-byte", length="short", locale=locale)
    if size < 1_000_000:
        return format_unit(round(size / 1000, 1), "digital-kilobyte", length="short", locale=locale)
    return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=locale)


def date_local(value: dt.datetime, locale: str = LOCALE) -> str:
    """An aware datetime as its Dutch calendar date: 2021-02-08T09:26:36Z -> "8 februari 2021"."""
    return format_date(value.astimezone(LOCAL_ZONE).date(), format="long", locale=locale)


_MARKUP = re.compile(r"[<>&\"'`]+")


def facet_label(text: str) -> str:
    """A search facet's value as plain words: Pagefind's search UI writes filter values into the page as
    HTML, so characters that could open markup become a space (a title like ``<img onerror=…>`` stays inert)."""
    return " ".join(_MARKUP.sub(" ", text).split())
