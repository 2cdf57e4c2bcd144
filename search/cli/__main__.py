"""`python -m search.cli`: the `cari` command."""

from search.cli import main

main()
