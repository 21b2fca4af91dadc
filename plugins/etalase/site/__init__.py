"""The MkDocs adapter: turns the core's catalog into generated pages rendered by Jinja templates."""
