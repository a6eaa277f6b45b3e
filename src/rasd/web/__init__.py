"""The web stage: ``rasd serve``, an HTTP API and an offline, Arabic-first PWA.

Owns the FastAPI app (``rasd.web.app.create_app``), the static web app
shipped in ``static/`` (vendored Leaflet, Natural Earth country outlines),
accounts and the review workflow (``auth``, ``reviews``, ``schema``), and
the ``serve`` and ``user`` commands. Article text is untrusted everywhere:
the API hands it out as JSON strings and the page only ever sets it as text.
"""
