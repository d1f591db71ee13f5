"""Read and prepare one content file: front matter, Markdown, search text (no other file is read)."""
