"""Plain-text page dumps (``.txt``): ``reader`` finds the article in a saved page's visible
text; ``blocks`` turns the dump into lines, ``header`` finds headline, date and outlet."""
