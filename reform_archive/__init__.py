"""reform-archive: a static site generator for news archives.

The pipeline runs one way: loader -> model -> render -> writer, orchestrated by
:mod:`reform_archive.build`. Implementation modules are private to the package; the
names below are the supported Python API.
"""

__version__ = "0.1.0"

from reform_archive.build import BuildOptions, BuildResult, build_site
from reform_archive.config import Settings, load_settings
from reform_archive.errors import BuildError, ConfigError, ContentError, Problem

__all__ = [
    "BuildError",
    "BuildOptions",
    "BuildResult",
    "ConfigError",
    "ContentError",
    "Problem",
    "Settings",
    "__version__",
    "build_site",
    "load_settings",
]
