"""Saved queries: named searches in a TOML file, their runs (with `--new` state) and their
output as a table, CSV or JSON."""
