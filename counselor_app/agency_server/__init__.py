"""Reference agency server for Counselor Desk sync (FastAPI + SQLAlchemy): what a state integrator tests against.

It shares the protocol's messages with the desktop client (``counselor_app.sync.protocol``) and never imports
the UI. Start it with ``counselor-agency-server serve``; see ``counselor_app.agency_server.cli``.
"""
