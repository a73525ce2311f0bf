"""Saved HTML pages (``.html``, ``.htm``; also the pages of WARC files): ``reader`` runs
trafilatura and assembles the document; ``text`` cleans the extracted text, ``headline`` and
``dates`` read the page's headline and publication date."""
