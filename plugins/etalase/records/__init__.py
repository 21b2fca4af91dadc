"""The record kinds of a showcase, as pydantic models. Pure data: nothing here reads files."""

from .award import Category, Edition, Figure, Program, Recipient, Stage, Winner
from .common import Link, Media, Source
from .index import IndexScore, InnovationIndex
from .innovation import Budget, Evidence, Innovation, Replicates, Status
from .reference import Region, Sector

__all__ = [
    "Budget", "Category", "Edition", "Evidence", "Figure", "IndexScore", "Innovation", "InnovationIndex", "Link",
    "Media", "Program", "Recipient", "Region", "Replicates", "Sector", "Source", "Stage", "Status", "Winner",
]
