"""Articles to an index: the Whoosh schema, full builds into a new generation (parallel
workers, a fast segment writer), incremental updates, watching the seed folder, and the index
folder's generations, `live` pointer and write lock."""
