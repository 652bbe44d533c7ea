"""``woosite check``: is a built site ready for the Woo-index, and whole?

One module per kind of check; ``site.run`` calls them all and returns every problem (file, line, what, fix).
"""
