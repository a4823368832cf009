"""Sync with the agency server: protocol messages, the HTTP client, the outbox drain and the feed. No Qt.

Front door for the app and the CLI::

    from counselor_app.sync.service import SyncService, sync_once, sign_in
    report = sync_once(desk, progress=callback, cancel=threading.Event())

``counselor_app.sync.protocol`` is shared with the reference server and imports nothing else from the app, so
the server can use it without the desktop's dependencies.
"""
