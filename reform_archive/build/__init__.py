"""The build's steps: load, model, plan, render, index, write; the one place they meet."""

from reform_archive.build.memory import BuildMemory
from reform_archive.build.result import BuildOptions, BuildProfile, BuildResult, Progress
from reform_archive.build.steps import build_into_memory, build_site, profile_build

__all__ = [
    "BuildMemory",
    "BuildOptions",
    "BuildProfile",
    "BuildResult",
    "Progress",
    "build_into_memory",
    "build_site",
    "profile_build",
]
