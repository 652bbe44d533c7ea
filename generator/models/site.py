"""site.yaml: the site-wide settings a communications team sets once."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from generator.core import fold
from generator.core.translation import _
from generator.core.urls import normalise_base_url


class Contact(BaseModel):
    """Bereikbaarheidsgegevens shown on the contact page and in machine-readable output."""

    model_config = ConfigDict(extra="forbid")

    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    website: HttpUrl | None = None


class Redaction(BaseModel):
    """A text that must never be published, with its Woo ground (e.g. 5.1.2e)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=2)
    ground: str = Field(default="5.1.2e", pattern=r"^\d+\.\d+(\.\d+)?[a-z]?$")

    @field_validator("text")
    @classmethod
    def _has_letters(cls, value: str) -> str:
        """A text of only spaces would match everywhere (and between every letter)."""
        if len(fold.letters(value)) < 2:
            raise ValueError(_("a redaction needs at least two letters or digits, not only spaces"))
        return value


class RedactionsFile(BaseModel):
    """The redaction file (``redactions.yaml``, kept out of the repository): ``redactions:`` and the list."""

    model_config = ConfigDict(extra="forbid")

    redactions: list[Redaction] = Field(default_factory=list)


class SiteConfig(BaseModel):
    """The settings of one site."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(description="Site name shown in the header of every page.")
    base_url: str = Field(description="Where the site is published, e.g. https://example.org/woo/.")
    language: str = Field(default="nl", pattern=r"^[a-z]{2}$")
    publisher: str | None = Field(default=None, description="Default publisher for documents that name none.")
    description: str = ""
    contact: Contact = Field(default_factory=Contact)
    redactions: list[Redaction] = Field(
        default_factory=list, description="Texts never to publish; better in the redaction file (not in git)."
    )
    redactions_file: str | None = Field(
        default=None,
        description="The redaction file, relative to site.yaml (not committed); the build fails when it is missing.",
    )
    theme: str | None = Field(
        default=None,
        description="NL Design System theme: a built-in name (woosite, gemeente-denhaag), a token package "
        "installed in the site folder, or a tokens .css/.json file beside site.yaml. Default: woosite.",
    )

    @field_validator("base_url")
    @classmethod
    def _absolute_with_slash(cls, value: str) -> str:
        return normalise_base_url(value)
