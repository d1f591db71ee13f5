"""The site as a model: articles, their URLs, and the related articles of each."""
