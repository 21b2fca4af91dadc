"""The site model, free of MkDocs: what each generated page is (URL, title, template, context)."""
