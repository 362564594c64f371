"""Pelican settings for bench/anchors.sh: the default theme, everything else default.

bench/anchors/convert.py copies this file beside the converted content
(content/*.md with Title/Date/Slug metadata); the build is
``pelican content -s pelicanconf.py -o output`` in that folder.
"""

AUTHOR = "bench"
SITENAME = "Anchor benchmark (Pelican)"
SITEURL = "https://example.org"  # a real one, so the default feeds are written without warnings
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
# Pelican's defaults otherwise: the "notmyidea" theme, Atom feeds, one index page with every
# article's summary (no pagination), category/tag/author/archive pages, no content cache.
