"""The build's steps: load, model, plan, render, index, write; the one place they meet."""

from reform_archive.build.result import BuildOptions, BuildResult, Progress
from reform_archive.build.steps import build_site

__all__ = ["BuildOptions", "BuildResult", "Progress", "build_site"]
