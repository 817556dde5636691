"""The local web app over the store (``corroborate serve``). Importing this package loads nothing heavy:
FastAPI, uvicorn and Jinja2 are imported by :mod:`corroborate.web.app` only when the app is built."""
