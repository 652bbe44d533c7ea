"""Writers of the built site: HTML pages, JSON API, the Woo outputs (DiWoo, sitemaps), open data, search.

Each module exposes ``write(site, out, ...)`` and reads only the site tree; the build calls them in order.
"""
