"""UI strings through gettext catalogs, compiled with Babel at build time.

The catalogs live in ``sitegen/locale/<lang>/LC_MESSAGES/messages.po``;
``messages.pot`` is extracted from the templates with ``pybabel extract``
(see ``babel.cfg``). Compiling in memory means a translator's edit to a .po
file shows up on the next build with no separate step.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=8)
def translations(lang: str, mtime: float = 0.0, locale_dir: Path = LOCALE_DIR) -> Translations:
    """Compile ``lang``'s .po catalog (``mtime`` keys the cache for live reload)."""
    path = po_path(lang, locale_dir)
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


def load(lang: str, locale_dir: Path = LOCALE_DIR) -> Translations:
    path = po_path(lang, locale_dir)
    return translations(lang, path.stat().st_mtime if path.exists() else 0.0, locale_dir)
