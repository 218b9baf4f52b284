"""Saving without losing work: save, save as, the quit guard, external changes, recovery.

Only these actions write files. Saving goes through `store.save`, which refuses to
overwrite a file that changed on disk since it was read; the app then asks whether
to overwrite, reload or cancel. Unsaved edits are autosaved to a recovery file
(off the UI thread) and offered back when the map is next opened.
"""

from __future__ import annotations

from pathlib import Path

from argmap import store
from argmap.errors import ArgmapError, ExternalChangeError
from argmap.tui.base import EditorBase
from argmap.tui.screens.choice import Choice, ChoiceScreen, confirm

SAVE_CHOICES = (
    Choice("save", "Save", "s", "primary"),
    Choice("discard", "Discard", "d", "error"),
    Choice("cancel", "Cancel", "escape"),
)
CHANGED_CHOICES = (
    Choice("overwrite", "Overwrite", "o", "error"),
    Choice("reload", "Reload from disk", "r", "primary"),
    Choice("cancel", "Cancel", "escape"),
)
RECOVERY_CHOICES = (
    Choice("restore", "Restore", "r", "primary"),
    Choice("discard", "Discard", "d", "error"),
)


class FileActions(EditorBase):
    """Actions that read or write the map file."""

    recovery_kept = False

    # ---- save ------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the map to its file."""
        if self.refuse_read_only():
            return
        self.run_worker(self.save_document(), group="file", exclusive=True)

    async def save_document(self, path: Path | None = None, *, force: bool = False) -> bool:
        """Save to `path` (default: the map's file); ask if it changed on disk.

        Returns:
            True when the map was written.
        """
        target = path or self.doc.path
        expected = self.doc.fingerprint if target == self.doc.path else None
        try:
            fingerprint = store.save(self.doc.map, target, expected=expected, force=force)
        except ExternalChangeError:
            answer = await self.push_screen_wait(
                ChoiceScreen(
                    "Changed on disk",
                    f"{target} changed on disk since it was opened. Overwrite it with"
                    " your version, reload it (your edits stay in undo), or cancel?",
                    CHANGED_CHOICES,
                )
            )
            if answer == "overwrite":
                return await self.save_document(target, force=True)
            if answer == "reload":
                self.reload()
            return False
        except ArgmapError as error:
            self.fail(error)
            return False
        old_path = self.doc.path
        with self.recovery_lock:
            self.doc.mark_saved(fingerprint, target)
            if not self.recovery_kept:
                store.remove_recovery(old_path)
                store.remove_recovery(target)
        self.update_header()
        self.say(f"Saved {target}")
        return True

    def action_save_as(self) -> None:
        """Save the map under another file name; the editor then works on that file."""
        if self.refuse_read_only():
            return

        def chosen(name: str | None) -> None:
            if name is not None:
                self.run_worker(self._save_as(Path(name).expanduser()), group="file")

        from argmap.tui.screens.prompt import PromptScreen  # first used here: not at start-up

        prompt = PromptScreen("Save as", "File name", str(self.doc.path))
        self.push_screen(prompt, chosen)

    async def _save_as(self, path: Path) -> None:
        if path.is_dir():
            self.say(f"{path} is a directory; give a file name", "error")
            return
        force = False
        if path.exists() and path.resolve() != self.doc.path.resolve():
            answer = await self.push_screen_wait(
                confirm("Save as", f"{path} exists. Replace it?", "Replace")
            )
            if answer != "yes":
                return
            force = True
        await self.save_document(path, force=force)

    def reload(self) -> None:
        """Replace the map with the file on disk (undo brings the edits back)."""
        try:
            loaded = store.load(self.doc.path)
        except ArgmapError as error:
            self.fail(error)
            return
        old = self.doc.map
        self.doc.reloaded(loaded.map, loaded.fingerprint, "reload from disk")
        self.show_change(old, loaded.map, self.selected)
        self.say("Reloaded from disk; ctrl+z brings your edits back.")

    # ---- quit --------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit; with unsaved edits, ask to save, discard or cancel."""
        self.run_worker(self._quit(), group="file", exclusive=True)

    async def _quit(self) -> None:
        if self.doc.dirty and not self.read_only:
            answer = await self.push_screen_wait(
                ChoiceScreen("Unsaved edits", "Save the map before quitting?", SAVE_CHOICES)
            )
            if answer == "cancel":
                return
            if answer == "save" and not await self.save_document():
                return
        if not self.read_only and not self.recovery_kept:
            with self.recovery_lock:
                store.remove_recovery(self.doc.path)
        if self.export_cancel is not None:
            self.export_cancel.set()  # stop Graphviz rather than wait for it
        self.exit(0)

    # ---- recovery ------------------------------------------------------------------

    def autosave_now(self) -> None:
        """Write unsaved edits to the recovery file, in a thread; remove it when clean."""
        if self.read_only or self.recovery_kept:
            return
        amap, path, revision = self.doc.map, self.doc.path, self.doc.revision
        doc = self.doc

        def write() -> None:
            with self.recovery_lock:
                if doc.saved_revision >= revision or doc.saved is amap:
                    store.remove_recovery(path)
                else:
                    store.write_recovery(amap, path)

        self.run_worker(write, thread=True, group="autosave", exclusive=True)

    def offer_recovery(self) -> None:
        """Ask whether to restore the edits found in the recovery file."""
        recovered = self.recovered
        if recovered is None:
            return
        where = store.recovery_path(self.doc.path)
        if self.read_only:
            self.say(f"Unsaved edits from an earlier session are in {where}.", "warning")
            return

        def answered(answer: str | None) -> None:
            if answer == "restore":
                self.commit(recovered, "restore unsaved edits")
                self.say("Restored the unsaved edits; save to keep them (ctrl+s).")
            elif answer == "discard":
                store.remove_recovery(self.doc.path)
                self.say("Discarded the unsaved edits.")
            else:
                self.recovery_kept = True
                self.say(f"Kept {where} for later; autosave is off until you reopen.")

        question = (
            f"{where} holds edits that were never saved to {self.doc.path.name}"
            " (the editor stopped before saving). Restore them?"
        )
        self.push_screen(
            ChoiceScreen("Unsaved edits found", question, RECOVERY_CHOICES, cancel_value="keep"),
            answered,
        )
