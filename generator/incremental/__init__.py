"""Incremental builds: reuse what the previous build produced when nothing it depends on has changed.

Every output belongs to a *unit* (a whole build step, one document's page, ...) with a key: a digest of
what the unit depends on. The global inputs (woosite's code, templates and static files, site.yaml,
base URL, content folder) are part of every key. A unit whose key matches the previous build's links
its files from the previous output instead of producing them; everything else is produced afresh, so
the result is byte-identical to a clean build. Steps that know nothing about units still work: each
step is itself a unit keyed on the whole site.
"""
