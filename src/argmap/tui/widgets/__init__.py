"""The editor's widgets: the map tree, the node detail and the findings panel."""
