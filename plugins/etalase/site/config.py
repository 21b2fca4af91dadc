"""The plugin's options, as written under `plugins: - etalase:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CmsConfig(Config):
    """The browser editor at /admin/ (Decap CMS): where it saves, and how editors sign in (content/panduan/penyunting.md)."""

    backend = c.Choice(("github", "gitlab"), default="github")
    repo = c.Type(str, default="pemilik/repositori")  # owner/name on GitHub, group/project on GitLab
    branch = c.Type(str, default="main")
    # GitHub: the OAuth service holding the OAuth app's secret (GitHub has no sign-in without one).
    base_url = c.Optional(c.Type(str))
    auth_endpoint = c.Optional(c.Type(str))
    # GitLab: the PKCE application's id; api_root and gitlab_url for a self-hosted GitLab.
    app_id = c.Optional(c.Type(str))
    api_root = c.Optional(c.Type(str))
    gitlab_url = c.Optional(c.Type(str))


class EtalaseConfig(Config):
    # The repository holding content/ and innovations/; by default the folder of mkdocs.yml.
    root = c.Optional(c.Dir(exists=True))
    # Refuse to build when any record is invalid (always in CI); `serve` shows the valid ones regardless.
    strict = c.Type(bool, default=True)
    # How many entries a paginated listing shows per page.
    page_size = c.Type(int, default=60)
    # URL prefixes of the generated sections (Indonesian by default).
    innovations_prefix = c.Type(str, default="inovasi")
    regions_prefix = c.Type(str, default="daerah")
    sectors_prefix = c.Type(str, default="urusan")
    years_prefix = c.Type(str, default="tahun")
    awards_prefix = c.Type(str, default="penghargaan")
    winners_prefix = c.Type(str, default="pemenang")
    search_prefix = c.Type(str, default="cari")
    data_prefix = c.Type(str, default="data")
    index_prefix = c.Type(str, default="indeks")
    guide_prefix = c.Type(str, default="panduan")  # the editor's guide (content/panduan/); its data questions page is generated
    # Incremental, parallel and cached-navigation builds (site/accel/); false: MkDocs' plain build, the same site.
    accelerate = c.Type(bool, default=True)
    cms = c.SubConfig(CmsConfig)
