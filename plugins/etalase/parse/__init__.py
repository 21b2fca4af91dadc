"""Reading content files: safe YAML with positions (yamlfile.py), the parse cache (cache.py) and the parse in a second process."""

from .aside import parse_aside
from .cache import ParseCache
from .yamlfile import ContentError, Document, locate, parse_front_matter, parse_yaml, read_text, yaml_part

__all__ = ["ContentError", "Document", "ParseCache", "locate", "parse_aside", "parse_front_matter", "parse_yaml",
           "read_text", "yaml_part"]
