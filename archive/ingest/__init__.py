"""Files → ``ParsedDocument`` → rows. ``readers`` holds the format registry (``read_path``,
``iter_files``), one reader per format beside it (``text/``, ``html/``, ``jsonl``, ``warc``);
``store`` writes a document, ``pipeline`` runs a batch. Importing this package loads nothing."""
