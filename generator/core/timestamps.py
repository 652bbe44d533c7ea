"""Points in time as Woo outputs need them: aware datetimes (Dutch local time) written as W3C datetimes.

Content gives dates (``adopted: 2021-11-04``) and naive platform timestamps (``exported: 2021-08-02T10:16:17``);
both are Dutch local time. DiWoo ``atTime``, sitemap ``lastmod`` and Atom ``updated`` need a full datetime
with its offset.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")


def aware(value: dt.date | dt.datetime) -> dt.datetime:
    """A date (as local midnight) or a naive local datetime, with its offset; aware datetimes pass unchanged."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(0, 0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=LOCAL)
    return value


def w3c(value: dt.datetime) -> str:
    """ "2021-08-02T10:16:17+02:00": seconds precision, always with an offset ("Z" for UTC)."""
    text = aware(value).replace(microsecond=0).isoformat()
    return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


def now() -> dt.datetime:
    """The current time in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
