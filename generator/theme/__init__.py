"""Themes: NL Design System component CSS plus an organisation's design tokens, as one stylesheet.

``css`` reads and prunes stylesheets, ``tokens`` reads token files (CSS custom properties or JSON),
``contrast`` computes WCAG contrast, ``themes`` resolves the ``theme`` of site.yaml and checks it,
``stylesheet`` bundles tokens, components and woosite's own layer into ``static/style.css``.
"""
