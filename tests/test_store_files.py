"""Saving never loses work: atomic replace, .bak, modes, stale temps, external changes, recovery."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.errors import ExternalChangeError, UnreadableError
from argmap.model import Map

DATA = Path(__file__).parent / "data"


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    """A writable copy of the small canonical map."""
    path = tmp_path / "small.yaml"
    shutil.copyfile(DATA / "small.yaml", path)
    return path


def _edited(amap: Map) -> Map:
    return ops.update_node(amap, "nixon-opening", text="Nixon's opening to Beijing, 1972")


def test_save_of_a_new_file_writes_canonical_text_and_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    amap = ops.new_map("A new map", "Why?")
    fingerprint = store.save(amap, path)
    assert path.read_text(encoding="utf-8") == store.dumps(amap)
    assert not path.with_name("new.yaml.bak").exists()
    assert fingerprint == store.current_fingerprint(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.yaml"]


def test_save_keeps_the_previous_bytes_as_bak(map_file: Path) -> None:
    before = map_file.read_bytes()
    loaded = store.load(map_file)
    edited = _edited(loaded.map)
    store.save(edited, map_file, expected=loaded.fingerprint)
    assert map_file.with_name("small.yaml.bak").read_bytes() == before
    assert map_file.read_text(encoding="utf-8") == store.dumps(edited)
    assert store.load(map_file).map == edited


def test_the_fingerprint_is_of_the_file_as_loaded_even_when_asked_for_later(
    map_file: Path,
) -> None:
    before = store.current_fingerprint(map_file)
    loaded = store.load(map_file)  # the fingerprint is hashed when first asked for
    map_file.write_text(map_file.read_text(encoding="utf-8") + "# edited elsewhere\n")
    assert loaded.fingerprint == before
    assert loaded.data == map_file.read_bytes().removesuffix(b"# edited elsewhere\n")
    with pytest.raises(ExternalChangeError):
        store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)


def test_a_second_save_backs_up_the_first(map_file: Path) -> None:
    loaded = store.load(map_file)
    first = _edited(loaded.map)
    fingerprint = store.save(first, map_file, expected=loaded.fingerprint)
    first_bytes = map_file.read_bytes()
    second = ops.update_node(first, "bluf", confidence="high")
    store.save(second, map_file, expected=fingerprint)
    assert map_file.with_name("small.yaml.bak").read_bytes() == first_bytes
    assert store.load(map_file).map.nodes["bluf"].confidence.value == "high"  # type: ignore[union-attr]


def test_save_preserves_the_file_mode(map_file: Path) -> None:
    map_file.chmod(0o640)
    loaded = store.load(map_file)
    store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
    assert stat.S_IMODE(map_file.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode_not_the_temp_file_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store.save(ops.new_map("T"), tmp_path / "m.yaml")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "m.yaml").stat().st_mode) == 0o644


def test_save_removes_temp_files_a_crash_left_behind(map_file: Path) -> None:
    stale = map_file.parent / ".small.yaml.99999.argmap-tmp"
    stale_bak = map_file.parent / ".small.yaml.bak.99999.argmap-tmp"
    other = map_file.parent / ".other.yaml.99999.argmap-tmp"
    for path in (stale, stale_bak, other):
        path.write_text("half a map")
    loaded = store.load(map_file)
    store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
    assert not stale.exists()
    assert not stale_bak.exists()
    assert other.read_text() == "half a map"  # another map's temp is not ours to remove
    assert sorted(p.name for p in map_file.parent.iterdir()) == [
        ".other.yaml.99999.argmap-tmp",
        "small.yaml",
        "small.yaml.bak",
    ]


def test_a_failed_replace_leaves_the_old_file_whole(
    map_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = map_file.read_bytes()
    loaded = store.load(map_file)
    real_replace = os.replace

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == map_file:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(UnreadableError, match="cannot save: No space left on device"):
        store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
    assert map_file.read_bytes() == before
    assert not list(map_file.parent.glob("*.argmap-tmp"))


def test_save_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError) as caught:
        store.save(ops.new_map("T"), tmp_path / "no-such-dir" / "m.yaml")
    assert "cannot save" in str(caught.value)
    assert caught.value.exit_code == 2


def test_save_refuses_when_the_file_changed_on_disk(map_file: Path) -> None:
    loaded = store.load(map_file)
    theirs = map_file.read_text().replace("Nixon's opening", "Their edit")
    map_file.write_text(theirs)
    with pytest.raises(ExternalChangeError) as caught:
        store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
    assert "changed on disk since it was opened; not overwritten" in str(caught.value)
    assert caught.value.exit_code == 1
    assert map_file.read_text() == theirs  # their work is untouched
    assert not map_file.with_name("small.yaml.bak").exists()


def test_force_overwrites_an_external_change_and_backs_it_up(map_file: Path) -> None:
    loaded = store.load(map_file)
    theirs = map_file.read_text().replace("Nixon's opening", "Their edit")
    map_file.write_text(theirs)
    store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint, force=True)
    assert store.load(map_file).map == _edited(loaded.map)
    assert map_file.with_name("small.yaml.bak").read_text() == theirs


def test_rewriting_the_same_bytes_is_not_an_external_change(map_file: Path) -> None:
    loaded = store.load(map_file)
    data = map_file.read_bytes()
    map_file.write_bytes(data)
    os.utime(map_file, ns=(1, 1))  # a new mtime, as a `touch` or a checkout gives
    store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
    assert store.load(map_file).map == _edited(loaded.map)


def test_a_new_file_refuses_to_overwrite_one_that_appeared_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("someone else's map\n")
    with pytest.raises(ExternalChangeError):
        store.save(ops.new_map("T"), path, expected=None)
    assert path.read_text() == "someone else's map\n"
    store.save(ops.new_map("T"), path, expected=None, force=True)
    assert store.load(path).map.title == "T"


def test_a_file_deleted_meanwhile_is_written_back(map_file: Path) -> None:
    loaded = store.load(map_file)
    map_file.unlink()
    store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
    assert store.load(map_file).map == _edited(loaded.map)


def test_recovery_files_sit_beside_the_map_and_round_trip(map_file: Path) -> None:
    recovery = store.recovery_path(map_file)
    assert recovery == map_file.with_name("small.yaml.recover")
    edited = _edited(store.load(map_file).map)
    store.write_recovery(edited, map_file)
    assert store.loads(recovery.read_text(encoding="utf-8")) == edited
    assert map_file.read_bytes() == (DATA / "small.yaml").read_bytes()  # map untouched
    store.write_recovery(ops.update_node(edited, "bluf", text="Later."), map_file)
    assert not recovery.with_name("small.yaml.recover.bak").exists()  # no backups of these
    assert store.loads(recovery.read_text()).nodes["bluf"].text == "Later."
    store.remove_recovery(map_file)
    assert not recovery.exists()
    store.remove_recovery(map_file)  # nothing to remove: no error


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_edits_to_different_nodes_merge_cleanly_with_git(tmp_path: Path) -> None:
    base = store.load(DATA / "full.yaml").map
    ours = ops.update_node(base, "bluf", text="Ours: Moscow stays with Beijing.")
    theirs = ops.update_node(base, "in-arms", status="observed")
    theirs = ops.update_node(theirs, "nixon-opening", text="Theirs: the 1972 opening.")
    for name, amap in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / f"{name}.yaml").write_text(store.dumps(amap), encoding="utf-8")
    result = _git(tmp_path, "merge-file", "ours.yaml", "base.yaml", "theirs.yaml")
    assert result.returncode == 0, result.stderr  # 0: no conflicts
    merged = store.load(tmp_path / "ours.yaml").map
    expected = ops.update_node(ours, "in-arms", status="observed")
    expected = ops.update_node(expected, "nixon-opening", text="Theirs: the 1972 opening.")
    assert merged == expected
    assert (tmp_path / "ours.yaml").read_text() == store.dumps(expected)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_nodes_added_under_different_parents_merge_cleanly_with_git(tmp_path: Path) -> None:
    from argmap.model import Kind, Node

    base = store.load(DATA / "full.yaml").map
    ours = ops.add_node(
        base, "ev-ours", Node(kind=Kind.EVIDENCE, parent="un-exclusion", text="Ours.")
    )
    theirs = ops.add_node(base, "rb-theirs", Node(kind=Kind.REBUTTAL, parent="bluf", text="No."))
    for name, amap in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / f"{name}.yaml").write_text(store.dumps(amap), encoding="utf-8")
    result = _git(tmp_path, "merge-file", "ours.yaml", "base.yaml", "theirs.yaml")
    assert result.returncode == 0, result.stderr
    merged = store.load(tmp_path / "ours.yaml").map
    assert set(merged.nodes) == set(base.nodes) | {"ev-ours", "rb-theirs"}
    assert merged.children("un-exclusion")[-1] == "ev-ours"
    assert merged.children("bluf")[-1] == "rb-theirs"


def test_saving_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "maps" / "small.yaml"
    real.parent.mkdir()
    shutil.copyfile(DATA / "small.yaml", real)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    loaded = store.load(link)
    store.save(_edited(loaded.map), link, expected=loaded.fingerprint)
    assert link.is_symlink()
    assert store.load(real).map == _edited(loaded.map)
    assert real.with_name("small.yaml.bak").read_bytes() == (DATA / "small.yaml").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "maps"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_file_is_refused_at_the_cap_not_read_whole() -> None:
    with pytest.raises(UnreadableError, match="over the 1,000-byte limit"):
        store.load(Path("/dev/zero"), max_bytes=1000)


def test_a_temp_file_of_a_save_still_running_elsewhere_is_left_alone(map_file: Path) -> None:
    writer = subprocess.Popen(["sleep", "30"])
    try:
        busy = map_file.parent / f".small.yaml.{writer.pid}.argmap-tmp"
        busy.write_text("a save in progress")
        loaded = store.load(map_file)
        store.save(_edited(loaded.map), map_file, expected=loaded.fingerprint)
        assert busy.read_text() == "a save in progress"
    finally:
        writer.kill()
        writer.wait()


def test_save_refuses_a_map_that_would_not_load_again(map_file: Path) -> None:
    from argmap.errors import MapInvalidError

    loaded = store.load(map_file)
    before = map_file.read_bytes()
    # A parent that does not exist, put there without going through ops.
    node = loaded.map.nodes["ev-ilm-1972"].model_copy(update={"parent": "gone"})
    broken = loaded.map.model_copy(update={"nodes": {**loaded.map.nodes, "ev-ilm-1972": node}})
    with pytest.raises(MapInvalidError, match=r"nodes\.ev-ilm-1972\.parent: no node 'gone'"):
        store.save(broken, map_file, expected=loaded.fingerprint)
    assert map_file.read_bytes() == before
    assert not map_file.with_name(map_file.name + ".bak").exists()
