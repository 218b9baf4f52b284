"""The editor's screens: forms, dialogs, sources, analogies, export, help."""
