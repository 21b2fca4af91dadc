"""The record kinds of a showcase, as pydantic models. Pure data: nothing here reads files."""

from .award import Category, Edition, Figure, Program, Recipient, Stage, Winner
from .common import Link, Media, Source
from .index import IndexScore, InnovationIndex
from .innovation import Budget, Evidence, Innovation, Replicates, Status
from .reference import Region, Sector, SiteSource

__all__ = [
    "Budget", "Category", "Edition", "Evidence", "Figure", "IndexScore", "Innovation", "InnovationIndex", "Link",
    "Media", "Program", "Recipient", "Region", "Replicates", "Sector", "SiteSource", "Source", "Stage", "Status",
    "Winner",
]
