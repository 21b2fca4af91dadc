"""Each section module yields the generated pages of one part of the site."""

from . import awards, data, home, innovations, regions, search, sectors, winners, years

SECTIONS = [home.pages, innovations.pages, regions.pages, sectors.pages, years.pages, awards.pages, winners.pages, search.pages, data.pages]
