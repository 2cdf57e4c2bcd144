"""A plan and an index to a SearchResult: postings as arrays, matching, BM25F ranking,
facets and the timeline, snippets, and the engine that ties them to an index folder."""
