"""Writers of the built site: HTML pages, JSON API, and (later) the Woo and open-data outputs.

Each module exposes ``write(site, out, ...)`` and reads only the site tree; the build calls them in order.
"""
