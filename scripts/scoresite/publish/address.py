"""The site's public address (`site_url`, from `SITE_URL`), checked before anything is built.

It lands in every page's canonical link, in sitemap.xml, and in the QR codes and short
addresses printed on every PDF: only a plain http(s) address of a host and a path will do.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from ..participants import named
from ..pdf import published
from ..problems import SiteError

# A printed QR code stays small and easy to scan at error correction M up to about 180
# characters (version 9, 53 x 53 modules); the page's own path adds up to about 80.
MAX_LENGTH = 100
UNSAFE = re.compile(r"""[\s"'<>`\\{}|^]|[^\x21-\x7e]""")
EXAMPLE = "SITE_URL=https://pelatihan.example.id/score-5r/"


def problem(site_url: str) -> str | None:
    """What is wrong with this address, or None when it may be used (empty: no address)."""
    if not site_url:
        return None
    if len(site_url) > MAX_LENGTH:
        return f"is {len(site_url)} characters long; a printed QR code carries at most {MAX_LENGTH}"
    if UNSAFE.search(site_url):
        return "holds a space, quote, angle bracket or other character not allowed in an address"
    try:
        parts = urlsplit(site_url)
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        return "has a host or port that cannot be read (e.g. a port that is not a number)"
    if parts.scheme not in ("http", "https"):
        return "must start with https:// (or http://)"
    if parts.username is not None or parts.password is not None:
        return "holds a user name or password (user@ or user:password@); leave them out"
    if not parts.hostname:
        return "names no host after https://"
    if parts.query or "?" in site_url:
        return "holds a query (?...); the address of the site's home folder has none"
    if parts.fragment or "#" in site_url:
        return "holds a fragment (#...); the address of the site's home folder has none"
    return None


def checked(site_url: str) -> str:
    """The address as given; a SiteError of one line when it may not be used."""
    wrong = problem(site_url)
    if wrong is None:
        return site_url
    shown = ascii(site_url if len(site_url) <= 60 else site_url[:60] + "...")
    raise SiteError(f"site_url (SITE_URL) {shown} {wrong}; set e.g. {EXAMPLE}")


def configured(config_file: Path) -> str:
    """site_url as mkdocs.yml sets it (SITE_URL through its `!ENV` tag), checked. A config
    file that cannot be read is left to MkDocs, which says what is wrong with it."""
    try:
        with config_file.open(encoding="utf-8") as file:
            config = yaml_load(file)
    except (OSError, ValueError, yaml.YAMLError, MkDocsException):
        return ""
    return checked(str(config.get("site_url") or "") if isinstance(config, dict) else "")


def refuse_names(site_url: str, modules: Path) -> None:
    """A build for a published address carries no participants' names: the certificates of
    a build with modules/peserta.csv print them, and that site is for the trainer alone."""
    count, files = named(modules)
    if count and published(site_url):
        raise SiteError(
            f"{count} participants are named in {files}, and a build for the published "
            f"address {site_url} would put them online in the certificates; build the "
            "certificates without SITE_URL (make site), or move the files away first"
        )
