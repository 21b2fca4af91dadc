"""Etalase Inovasi: a showcase of regional government innovations and their awards.

The core (records, loader, rules, catalog) knows nothing of MkDocs; `etalase.site` is the
MkDocs adapter that turns the catalog into pages.
"""
