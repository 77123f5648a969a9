"""The 404 page: whole wherever the server shows it.

MkDocs writes `404.html` with addresses that start with the published folder (`/score-5r/…`),
so served from a server's root it loads nothing. Here its addresses become relative to the
site's root, which a small script finds in the page's address and sets as `<base>` (the
published folder when the address is inside it, else the server's root); the theme's
settings (search index and worker) follow it. Its styles and scripts are written by that
script too: the browser would fetch them ahead, relative to the missing page's address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import jinja2

from .catalogue import TEMPLATES

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES / "notfound"), autoescape=True
)
RESOURCE = re.compile(  # a style or script the page loads, at an address inside the site
    r'(<(?:link|script)\b[^>]*?\s(?:href|src)=")(?![a-z]+:|/|#)([^"]*"[^>]*>(?:</script>)?)'
)
CONFIG = re.compile(r'(<script id="__config" type="application/json">[^<]*</script>)')


def relocatable(html: str, site_url: str) -> str:
    """`html` of the 404 page with every address relative to the site's root."""
    prefix = urlsplit(site_url).path or "/"
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    attributes = re.compile(rf'(\s(?:href|src)="){re.escape(prefix)}')
    html = attributes.sub(r"\1", html)
    resource = _TEMPLATES.get_template("resource.html")
    html = RESOURCE.sub(lambda m: resource.render(before=m[1], after=m[2]).strip(), html)
    head = _TEMPLATES.get_template("head.html").render(prefix=prefix)
    config = _TEMPLATES.get_template("config.html").render(prefix=prefix)
    charset = '<meta charset="utf-8">'
    html = html.replace(charset, charset + "\n" + head, 1)
    return CONFIG.sub(lambda m: m[1] + "\n" + config, html, count=1)
