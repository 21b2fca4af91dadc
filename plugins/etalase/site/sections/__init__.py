"""Each section module yields the generated pages of one part of the site."""

from . import (
    awards, data, home, innovation_index, innovations, profile, questions, regions, search, sectors, status, winners, years,
)

SECTIONS = [home.pages, innovations.pages, regions.pages, sectors.pages, years.pages, awards.pages, winners.pages, search.pages, data.pages,
            profile.pages, status.pages, innovation_index.pages, questions.pages]
