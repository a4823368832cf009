"""The outreach services for the app's pages, built once per ``AppContext``.

When the desk is signed in to the agency server, campaign claims are arbitrated there (``ServerClaimArbiter``);
otherwise the desk's local view decides. Tests install their own bundle (fixed clock, in-memory mail) with
``set_outreach``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counselor_app.core.outreach import Outreach, outreach_for

if TYPE_CHECKING:
    from counselor_app.ui.app_context import AppContext

_ATTR = "_issue16_outreach"


def _arbiter(ctx: AppContext) -> Any:
    desk = ctx.desk
    if not desk.settings.server_url:
        return None
    from counselor_app.sync.outreach_sync import ServerClaimArbiter
    from counselor_app.sync.service import make_client, stored_token

    cache: dict[str, Any] = {}

    def client() -> Any:
        token = stored_token(desk)
        if not token:
            return None
        if cache.get("token") != token:
            if cache.get("client") is not None:
                cache["client"].close()
            cache["client"] = make_client(desk, token)
            cache["token"] = token
        return cache["client"]

    return ServerClaimArbiter(desk, client)


def outreach_of(ctx: AppContext) -> Outreach:
    bundle = getattr(ctx, _ATTR, None)
    if bundle is None:
        bundle = outreach_for(ctx.desk, arbiter=_arbiter(ctx))
        setattr(ctx, _ATTR, bundle)
    return bundle


def set_outreach(ctx: AppContext, bundle: Outreach) -> None:
    setattr(ctx, _ATTR, bundle)
