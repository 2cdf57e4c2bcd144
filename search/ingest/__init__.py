"""Seeds to Articles: the seed kinds (.txt pages, .jsonl records) with their ids, hashes and
safe reading, sidecar corrections, and `extract/` (title, body, date, source and officials of
a raw page). `cari inspect` shows what this stage made of one seed."""
