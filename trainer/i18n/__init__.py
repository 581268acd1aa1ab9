"""Translation round trip: PO files and in-place edits of scenario files."""
