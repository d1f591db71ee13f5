"""From the model to files: view data, the pages to make, templates, feeds, sitemap, links."""
