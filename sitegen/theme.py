"""Where templates and static files come from.

A site's own ``templates/`` and ``static/`` override the default theme file by
file (Hugo's lookup order). The default theme is the repository's top-level
``templates/`` and ``static/``; a wheel carries them as ``sitegen/theme/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def theme_dir(kind: str) -> Path:
    """The default theme's ``templates`` or ``static`` folder."""
    installed = _PACKAGE / "theme" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / kind  # a source checkout (editable install)


def lookup_dirs(site_root: Path, kind: str) -> list[Path]:
    """Folders to search for ``kind`` files, the site's own first."""
    own = (site_root / kind).resolve()
    default = theme_dir(kind).resolve()
    dirs = [own] if own.is_dir() and own != default else []
    return [*dirs, default]
