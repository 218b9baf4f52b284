"""The terminal editor (Textual): `argmap edit PATH` runs `app.run_editor`."""
