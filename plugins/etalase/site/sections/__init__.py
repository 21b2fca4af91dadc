"""Each section module yields the generated pages of one part of the site."""

from . import awards, home, innovations, winners

SECTIONS = [home.pages, innovations.pages, awards.pages, winners.pages]
