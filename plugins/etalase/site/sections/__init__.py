"""Each section module yields the generated pages of one part of the site."""

from . import home, innovations

SECTIONS = [home.pages, innovations.pages]
