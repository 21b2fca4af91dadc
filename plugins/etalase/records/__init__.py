"""The record kinds of a showcase, as pydantic models. Pure data: nothing here reads files."""

from .award import Category, Edition, Figure, Program, Recipient, Stage, Winner
from .common import Link, Media, Source
from .innovation import Innovation
from .reference import Region, Sector, SiteSource

__all__ = [
    "Category", "Edition", "Figure", "Innovation", "Link", "Media", "Program", "Recipient",
    "Region", "Sector", "SiteSource", "Source", "Stage", "Winner",
]
