"""Search, from the URL to the page, in layers that only import downwards:

``vocabulary`` and ``request`` (facets; the request/response contract) → ``form``, ``links``,
``backend``, ``highlight`` → ``facets`` → ``service`` (what views and commands call);
``sync`` applies the index queue. Outside this package only ``archive.models`` (and the
queue in ``archive.signals``) are imported; nothing outside imports the backend.
"""
