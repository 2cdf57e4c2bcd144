"""The Indonesian analyzer, one definition for the build, the update, queries and snippets
(tokenizer, hyphens, stopwords, glossary acronyms, Sastrawi stems with protected names), the
fast postings path that runs its steps, the glossary, and word lists mined from a corpus."""
