"""The output folder is replaced only by a complete, successful build."""

from __future__ import annotations

import pytest
from conftest import build_to_disk
from sitemaker import article, make_site

from reform_archive.errors import ContentError
from reform_archive.writer import DiskWriter, MemoryWriter, UnsafeOutputError


def test_failed_build_leaves_the_previous_output_untouched(tmp_path):
    site = make_site(tmp_path / "site", {"a.md": article("A", "2024-01-01")})
    output = build_to_disk(site, tmp_path / "output")
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (site / "content" / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(ContentError):
        build_to_disk(site, output)
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []


def test_files_of_removed_articles_disappear(tmp_path):
    site = make_site(tmp_path / "site", {"a.md": article("A", "2024-01-01"), "b.md": article("B", "2024-01-02")})
    output = build_to_disk(site, tmp_path / "output")
    assert (output / "2024/01/b/index.html").exists()
    (site / "content" / "b.md").unlink()
    build_to_disk(site, output)
    assert not (output / "2024/01/b").exists()
    assert (output / "2024/01/a/index.html").exists()


def test_refuses_to_replace_a_folder_holding_the_site(tmp_path):
    site = make_site(tmp_path / "site", {"a.md": article("A", "2024-01-01")})
    with pytest.raises(UnsafeOutputError):
        DiskWriter(site, site)
    with pytest.raises(UnsafeOutputError):
        DiskWriter(tmp_path, site)


def test_abort_removes_staging(tmp_path):
    site = make_site(tmp_path / "site", {})
    writer = DiskWriter(tmp_path / "output", site)
    writer.write("a/b.html", b"x")
    writer.abort()
    assert not (tmp_path / "output").exists()
    assert not any("staging" in p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../x", "", "a//b", "a\0b"])
def test_paths_outside_the_output_are_refused(path):
    with pytest.raises(ValueError):
        MemoryWriter().write(path, b"x")


@pytest.mark.parametrize("inside", ["content", "content/2024", "templates", "static"])
def test_refuses_an_output_inside_the_sources(tmp_path, inside):
    site = make_site(tmp_path / "site", {"2024/a.md": article("A", "2024-01-01")})
    with pytest.raises(UnsafeOutputError):
        DiskWriter(site / inside, site)
    assert (site / "content" / "2024" / "a.md").is_file()


def test_refuses_a_folder_that_is_not_a_previous_build(tmp_path):
    site = make_site(tmp_path / "site", {})
    documents = tmp_path / "tai-lieu"
    documents.mkdir()
    (documents / "bao-cao.docx").write_bytes(b"quan trong")
    with pytest.raises(UnsafeOutputError):
        DiskWriter(documents, site)
    build_to_disk(site, tmp_path / "output")
    DiskWriter(tmp_path / "output", site).abort()  # a previous build may be replaced


def test_dotfiles_are_published_but_not_os_litter(tmp_path):
    site = make_site(tmp_path / "site", {})
    for name in (".nojekyll", ".well-known/security.txt", ".DS_Store", "anh/.DS_Store", "anh/logo.svg"):
        (site / "static" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "static" / name).write_text("x", encoding="utf-8")
    output = build_to_disk(site, tmp_path / "output")
    assert (output / ".nojekyll").is_file() and (output / ".well-known/security.txt").is_file()
    assert (output / "anh/logo.svg").is_file()
    assert not (output / ".DS_Store").exists() and not (output / "anh/.DS_Store").exists()


def test_an_update_in_place_removes_emptied_folders_and_reports_its_listing(tmp_path):
    """The in-place commit deletes what the build no longer makes (folders left empty too,
    however deep) and knows the folder's listing afterwards without walking it again."""
    from reform_archive.writer import output_listing

    site = tmp_path / "site"
    site.mkdir()
    output = tmp_path / "output"
    old = {
        "index.html": b"home",
        "kept/a.html": b"a",
        "search/index-old/0.json": b"0",
        "search/index-old/1.json": b"1",
        "deep/er/still/x.html": b"x",
        "moved/y.html": b"y",
    }
    for path, data in old.items():
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(data)
    writer = DiskWriter(output, site)
    writer.found_listing(output_listing(output))
    writer.keep("kept/a.html")
    writer.write("index.html", b"new home")
    writer.write("search/index-new/0.json", b"n")
    writer.write("moved", b"a file where a folder was")
    writer.commit()
    assert sorted(str(p.relative_to(output)) for p in output.rglob("*")) == [
        "index.html",
        "kept",
        "kept/a.html",
        "moved",
        "search",
        "search/index-new",
        "search/index-new/0.json",
    ]
    assert (output / "moved").read_bytes() == b"a file where a folder was"
    assert writer.listing() == output_listing(output)


def test_files_a_forked_process_wrote_into_staging_are_adopted(tmp_path):
    """A forked search child writes its shards with the writer it inherited; the build adopts
    them, or discards them when it makes the index again itself."""
    import multiprocessing

    site = tmp_path / "site"
    site.mkdir()
    writer = DiskWriter(tmp_path / "out", site)
    child = multiprocessing.get_context("fork").Process(
        target=lambda: (
            writer.write("search/index-a/0.json", b"[0]"),
            writer.write("search/stray.json", b"x"),
            writer.write("search/index-b/0.json", b"[1]"),
        )
    )
    child.start()
    child.join()
    assert child.exitcode == 0 and not writer.written  # the child's record is its own
    writer.adopt("search/index-a/0.json")
    with pytest.raises(FileNotFoundError):
        writer.adopt("search/index-a/1.json")  # never written
    writer.discard("search/stray.json")  # written, but not this build's after all
    writer.discard("search/index-b/0.json")  # and its folder, left empty, goes too
    writer.write("index.html", b"<p>")
    writer.commit()
    out = tmp_path / "out"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "index.html",
        "search",
        "search/index-a",
        "search/index-a/0.json",
    ]
