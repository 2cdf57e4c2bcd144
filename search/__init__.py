"""Cari: full-text search for Indonesian news.

The library is the product: the `cari` CLI (`search.cli`) and the Flask app (`web`) are thin
layers over `search.indexing.build` (building) and `search.retrieval.engine` (querying).
"""

__version__ = "0.1.0"
