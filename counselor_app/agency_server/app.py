"""The HTTP face of the reference server (FastAPI). Routes only translate: ``AgencyService`` decides.

Every route but ``/api/v1/health`` and ``POST /api/v1/session`` needs a bearer token; roles are checked in the
service, per record where a batch mixes records. The OpenAPI document FastAPI builds from these routes is the
protocol's reference (``docs/protocol/openapi.json``, kept current by a test).
"""

from __future__ import annotations

import json
import logging
import zlib
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counselor_app.agency_server import devices
from counselor_app.agency_server.admission import AdmissionLimits, AdmissionMiddleware, AdmissionStats
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.referrals import register_referral_routes
from counselor_app.agency_server.security import LoginLimits
from counselor_app.agency_server.service import (
    AgencyService,
    BadRequest,
    Forbidden,
    Principal,
    ServiceError,
    TooManyAttempts,
    Unauthorized,
)
from counselor_app.agency_server.strict_json import StrictJsonError, loads_strict
from counselor_app.core.usage_report import UsageReportError
from counselor_app.core.vocabulary import Role
from counselor_app.sync import protocol as p
from counselor_app.sync.payloads import INT64_MAX, payload_schemas

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 32 * 1024 * 1024

_bearer = HTTPBearer(auto_error=False, description="The token from POST /api/v1/session.")
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": p.ErrorBody, "description": "No token, or the session has ended: sign in again."},
    403: {"model": p.ErrorBody, "description": "The user's role or center does not allow this."},
}


class RequestBodyMiddleware:
    """Reads the whole request body before the app sees it, caps its size, inflates gzip bodies and refuses a
    JSON body that is not strict JSON (``strict_json``: NaN, huge integers, lone surrogates, deep nesting).

    Reading it all first also means a connection that drops mid-upload never reaches a route: a half-sent
    batch is not applied at all.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        encoding = headers.get("content-encoding", "").strip().lower()
        if encoding not in ("", "identity", "gzip"):
            await JSONResponse({"detail": "Send the body uncompressed or gzip-compressed."},
                               status_code=415)(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > self.max_bytes:
                await JSONResponse({"detail": "The request is too large; send smaller batches."},
                                   status_code=413)(scope, receive, send)
                return
        if encoding == "gzip":
            try:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                plain = inflater.decompress(bytes(body), self.max_bytes + 1)
                if len(plain) > self.max_bytes or inflater.unconsumed_tail:
                    await JSONResponse({"detail": "The request is too large; send smaller batches."},
                                       status_code=413)(scope, receive, send)
                    return
            except zlib.error:
                await JSONResponse({"detail": "The gzip body could not be read."}, status_code=400)(
                    scope, receive, send)
                return
            body = bytearray(plain)
            scope = dict(scope)
            mutable = MutableHeaders(scope=scope)
            del mutable["content-encoding"]
            mutable["content-length"] = str(len(body))
        content_type = headers.get("content-type", "").lower()
        # FastAPI reads a body without a Content-Type as JSON too; a CSV upload without one is left alone.
        looks_json = "json" in content_type or (not content_type and bytes(body[:64]).lstrip()[:1] in (b"{", b"["))
        if body and scope.get("method") in ("POST", "PUT", "PATCH") and looks_json:
            try:
                loads_strict(bytes(body))
            except StrictJsonError as exc:
                await JSONResponse({"detail": str(exc)}, status_code=400)(scope, receive, send)
                return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _json(model: Any) -> Response:
    """A protocol model's JSON as the answer, encoded once by pydantic (what ``response_model`` would send)."""
    return Response(content=model.model_dump_json(), media_type="application/json")


def _service(request: Request) -> AgencyService:
    return request.app.state.service  # type: ignore[no-any-return]


def _any_principal(request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise Unauthorized("Sign in first: this needs a bearer token.")
    return _service(request).authenticate(credentials.credentials)


def _principal(request: Request,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Principal:
    user = _any_principal(request, credentials)
    # A partner agency's user may only use the referral routes (``referrals.py``) and sign out: closed by default.
    if user.role == Role.PARTNER and not (request.method == "DELETE" and request.url.path == f"{p.API_PREFIX}/session"):
        raise Forbidden("A partner agency's account can only refer customers and read its referrals.")
    return user


def _administrator(user: Annotated[Principal, Depends(_principal)]) -> Principal:
    if not user.is_administrator:
        raise Forbidden("Only a program administrator can do this.")
    return user


# Module-level aliases: with postponed annotations FastAPI resolves these names in the module's globals.
User = Annotated[Principal, Depends(_principal)]
Admin = Annotated[Principal, Depends(_administrator)]
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def create_app(store: ServerStore | None = None, *, database_url: str | None = None,
               token_ttl: timedelta = timedelta(hours=12), login_limits: LoginLimits | None = None,
               admission: AdmissionLimits | None = None) -> FastAPI:
    if store is None:
        if database_url is None:
            raise ValueError("create_app needs a store or a database_url")
        store = ServerStore(database_url)
    service = AgencyService(store, token_ttl=token_ttl, login_limits=login_limits)
    app = FastAPI(
        title="Counselor Desk agency sync protocol",
        version=f"{p.PROTOCOL_VERSION}.0",
        description=(
            "Versioned JSON over HTTPS between Counselor Desk devices and the state agency's server. "
            "Devices sign in for a bearer token, push their outbox in batches (each change applies at most once, "
            "keyed by its change_id), page through a changes feed with an opaque cursor, and reserve blocks of "
            "licenses to issue offline. Request bodies may be gzip-compressed (Content-Encoding: gzip). A 429 or "
            "503 answer carries Retry-After. Clients must ignore fields and feed kinds they do not know."),
    )
    app.state.service = service
    app.state.store = store
    _document_payloads(app)
    app.state.devices = devices.DeviceRegistry(store)  # issue 17: device registry and remote sign-out
    app.state.admission_stats = AdmissionStats()
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    # Inside the body reader (the last added runs first): a request is admitted once its body has arrived.
    app.add_middleware(AdmissionMiddleware, limits=admission or AdmissionLimits.for_dialect(store.dialect),
                       stats=app.state.admission_stats,
                       paths=(f"{p.API_PREFIX}/changes", f"{p.API_PREFIX}/licenses/block"))
    app.add_middleware(RequestBodyMiddleware)

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if isinstance(exc, TooManyAttempts):
            headers = {"Retry-After": str(exc.retry_after)}
        return JSONResponse({"detail": str(exc)}, status_code=exc.status, headers=headers)

    @app.exception_handler(UsageReportError)
    async def _progress_error(_request: Request, exc: UsageReportError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(OperationalError)
    async def _busy(_request: Request, exc: OperationalError) -> JSONResponse:
        # The database is busy or restarting: the client retries after the pause we ask for.
        log.warning("database unavailable: %s", type(exc.orig).__name__ if exc.orig else type(exc).__name__)
        return JSONResponse({"detail": "The server is busy; try again shortly."}, status_code=503,
                            headers={"Retry-After": "1"})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Echo where the problem is, never the values sent (they may hold a password or PII).
        where = sorted({".".join(str(x) for x in err.get("loc", ())) for err in exc.errors()})[:10]
        return JSONResponse({"detail": "The request is not in the protocol's format: " + ", ".join(where)},
                            status_code=422)

    @app.get(f"{p.API_PREFIX}/health", response_model=p.Health, tags=["service"],
             responses={503: {"model": p.ErrorBody, "description": "The server cannot reach its database."}})
    def health() -> p.Health:
        """Reachability probe for devices deciding whether they are online, and for a load balancer deciding
        whether to send this server work: one round trip to the database. Needs no token."""
        store.ping()  # OperationalError: 503 with Retry-After (below)
        return p.Health()

    @app.post(f"{p.API_PREFIX}/session", response_model=p.SessionInfo, tags=["session"],
              responses={401: {"model": p.ErrorBody, "description": "The user name or password is not right."},
                         429: {"model": p.ErrorBody, "headers": {"Retry-After": {
                             "description": "Seconds until sign-in attempts are accepted again.",
                             "schema": {"type": "integer"}}},
                               "description": "Too many failed sign-ins for this user name or from this client "
                                              "address; the password was not checked. Do not retry "
                                              "automatically: show `detail` to the person signing in."}})
    def open_session(request: p.SessionRequest, http: Request) -> p.SessionInfo:
        """Sign in: a bearer token, the user's role and center, and when the token expires.

        After 5 failed sign-ins for a user name within 15 minutes (20 from one client address; the server's
        settings may differ), further attempts are refused with 429 and `Retry-After` until 15 minutes after the
        last failure, whatever the password; a successful sign-in or an administrator's password reset clears the
        user's count."""
        http.app.state.devices.refuse_sign_in(request.device_id)
        return service.login(request, address=http.client.host if http.client else None)

    @app.delete(f"{p.API_PREFIX}/session", status_code=204, tags=["session"], responses={401: _ERRORS[401]})
    def close_session(credentials: Token, user: User) -> Response:
        """Sign out: the token stops working at once."""
        assert credentials is not None  # ``user`` resolved, so a valid token was sent
        service.logout(credentials.credentials)
        return Response(status_code=204)

    @app.post(f"{p.API_PREFIX}/changes", response_model=p.ChangeBatchResult, tags=["sync"],
              responses=_ERRORS)
    def push_changes(batch: p.ChangeBatch, user: User) -> p.ChangeBatchResult:
        """Apply a batch of outbox changes, in order, each at most once. One result per change, in order:
        `applied`; `duplicate` (already there); `conflict` (made on an older version: the server's version and
        record come back); `rejected` (with a reason; reason_code `blocked` means an earlier change to the same
        record in this batch did not apply, so keep it queued). Replaying a change_id returns its first result;
        the same change_id with other content is rejected."""
        # Encoded once, by the model itself (FastAPI would validate the answer again and encode it twice).
        return _json(service.apply_changes(user, batch))  # type: ignore[return-value]

    @app.get(f"{p.API_PREFIX}/changes", response_model=p.FeedPage, tags=["sync"], responses=_ERRORS)
    def pull_changes(user: User, since: Annotated[str | None, Query(max_length=40)] = None,
                     limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = 500,
                     device_id: Annotated[str | None, Query(max_length=64)] = None) -> p.FeedPage:
        """What changed on the server since the cursor, oldest first: catalog, license pool and this device's
        reserved block, learners' progress (supervisors and administrators), and job seekers of the user's
        center changed by other devices. Store `next_cursor` only after applying the page."""
        return _json(service.feed_page(user, since=since, limit=limit, device_id=device_id))  # type: ignore[return-value]

    @app.get(f"{p.API_PREFIX}/reconcile/{{entity}}", response_model=p.ReconcileDigests, tags=["sync"],
             responses=_ERRORS)
    def reconcile_digests(entity: Annotated[str, Path(max_length=40)], user: User,
                          device_id: Annotated[str | None, Query(max_length=64)] = None) -> p.ReconcileDigests:
        """Digests of the ids and versions the server holds of one entity, by bucket (the first two characters
        of the id): job seekers of the user's center; of other entities, the records this device last wrote.
        A device compares them with its own and asks only for the buckets that differ."""
        return service.reconcile_digests(user, entity, device_id=device_id)

    @app.get(f"{p.API_PREFIX}/reconcile/{{entity}}/{{bucket}}", response_model=p.ReconcilePage, tags=["sync"],
             responses=_ERRORS)
    def reconcile_page(entity: Annotated[str, Path(max_length=40)], bucket: Annotated[str, Path(max_length=2)],
                       user: User, device_id: Annotated[str | None, Query(max_length=64)] = None
                       ) -> p.ReconcilePage:
        """The ids and versions in one bucket, for a device re-sending what the server lacks."""
        return service.reconcile_page(user, entity, bucket, device_id=device_id)

    @app.post(f"{p.API_PREFIX}/reconcile/{{entity}}/states", response_model=p.RecordStates, tags=["sync"],
              responses=_ERRORS)
    def reconcile_states(entity: Annotated[str, Path(max_length=40)], request: p.RecordStatesRequest,
                         user: User) -> p.RecordStates:
        """Before re-sending records the server holds at another version or lacks: per record, whether the
        server's copy is one the device already knew (missing, same, behind, ahead) or was written since on top of
        a state that lacks the device's version (diverged, with the server's copy): a device never overwrites
        that silently, it shows a conflict."""
        return service.record_states(user, entity, request)

    @app.post(f"{p.API_PREFIX}/reconcile/{{entity}}/written-since", response_model=p.WrittenSince,
              tags=["sync"], responses=_ERRORS)
    def reconcile_written_since(entity: Annotated[str, Path(max_length=40)], request: p.WrittenSinceRequest,
                                user: User) -> p.WrittenSince:
        """Ids and versions of the center's records written after a server time, in id order, a page at a
        time: what a device compares after it noticed a restore."""
        return service.written_since(user, entity, request)

    @app.post(f"{p.API_PREFIX}/sync/checkpoint", response_model=p.SyncCheckpointResult, tags=["sync"],
              responses=_ERRORS)
    def sync_checkpoint(request: p.SyncCheckpoint, user: User) -> p.SyncCheckpointResult:
        """Whether the server still holds the mark this device left at the end of its last sync, and the new
        mark to keep. Not matched: the server's database was restored from an older copy or replaced; the device
        reconciles (digest pages) and repairs what the server lost."""
        return service.checkpoint(user, request)

    @app.post(f"{p.API_PREFIX}/licenses/block", response_model=p.BlockGrant, tags=["sync"], responses=_ERRORS)
    def reserve_block(request: p.BlockRequest, user: User) -> p.BlockGrant:
        """Reserve licenses this device may issue while offline; replaces the device's previous block. The
        grant may be smaller than asked when the program's pool is nearly used up."""
        return service.reserve_block(user, request)

    @app.get(f"{p.API_PREFIX}/job-seekers/{{entity_id}}", response_model=p.JobSeekerRecord, tags=["records"],
             responses=_ERRORS | {404: {"model": p.ErrorBody}})
    def get_job_seeker(entity_id: Annotated[str, Path(max_length=64)], user: User) -> p.JobSeekerRecord:
        """One job seeker, for users of the job seeker's center and administrators."""
        return service.get_job_seeker(user, entity_id)

    @app.get(f"{p.API_PREFIX}/progress", response_model=p.ProgressList, tags=["reports"], responses=_ERRORS)
    def list_progress(user: User, limit: Annotated[int, Query(ge=1, le=1000)] = 500,
                      offset: Annotated[int, Query(ge=0, le=INT64_MAX)] = 0) -> p.ProgressList:
        """Learners' progress (supervisors: their center; administrators: all)."""
        return service.list_progress(user, limit=limit, offset=offset)

    @app.get(f"{p.API_PREFIX}/reports/summary", response_model=p.ReportSummary, tags=["reports"],
             responses=_ERRORS)
    def report_summary(user: User) -> p.ReportSummary:
        """Headline figures per center (supervisors: their center; administrators: all)."""
        return service.report_summary(user)

    @app.post(f"{p.API_PREFIX}/admin/catalog", response_model=p.CatalogPublished, tags=["administration"],
              responses=_ERRORS)
    def publish_catalog(catalog: dict[str, Any], user: Admin) -> p.CatalogPublished:
        """Publish a new course catalog; devices receive it through the changes feed."""
        return service.publish_catalog(catalog, by=user.username)

    @app.post(f"{p.API_PREFIX}/admin/progress", response_model=p.ProgressImportResult, tags=["administration"],
              responses=_ERRORS, openapi_extra={"requestBody": {
                  "required": True, "content": {"text/csv": {"schema": {"type": "string"}}},
                  "description": "The provider's usage report, columns matched by header name (Name, Email, "
                                 "External ID, Course Name, Enrollment Time, Completion Time, Completed, "
                                 "Learning Hours Spent, ...)."}})
    async def import_progress(request: Request, user: Admin,
                              file_name: Annotated[str, Query(max_length=260)] = "upload.csv"
                              ) -> p.ProgressImportResult:
        """Import the provider's progress report; supervisors' devices receive it through the changes feed."""
        body = await request.body()
        return await run_in_threadpool(service.import_progress, body, file_name=file_name, by=user.username)

    @app.get(f"{p.API_PREFIX}/admin/invitations", tags=["administration"], response_class=PlainTextResponse,
             responses=_ERRORS | {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                                        "description": "Full Name, Email, External ID"}})
    def invitations(day: Annotated[date, Query(alias="date")], user: Admin) -> Response:
        """The provider's bulk-invitation file for a day: every issued license not yet in any file, issued on or
        before the day (a late-synced one goes into the next file). Asking again for a day gives the same file."""
        text = service.invitation_csv(service.invitation_rows(day, by=user.username))
        return Response(content=text.encode("utf-8"), media_type="text/csv; charset=utf-8")

    register_referral_routes(app, store, principal=_any_principal, errors=_ERRORS)

    @app.get(f"{p.API_PREFIX}/admin/stats", tags=["administration"], responses=_ERRORS)
    def stats(user: Admin) -> dict[str, Any]:
        """Counts per entity, change result and license status."""
        return service.stats()

    devices.register_routes(app, app.state.devices, user=_principal, admin=_administrator)
    return app


def _document_payloads(app: FastAPI) -> None:
    """Put each entity's payload schema (``sync.payloads``) into the OpenAPI document, referenced from
    ``Change.payload``, so an integrator can read what every record holds."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        doc = build()
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        payloads = payload_schemas()
        schemas.update(payloads)
        change = schemas.get("Change", {}).get("properties", {})
        if "payload" in change:
            change["payload"] = {
                "title": "Payload",
                "description": "The record's fields; its schema depends on `entity` ("
                               + ", ".join(f"{e}: {n}" for e, n in zip(p.SYNCED_ENTITIES, payloads, strict=False))
                               + "). Unknown fields, wrong types, strings past their length, non-finite numbers "
                               "and integers past 64 bits are refused with 422.",
                "oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in payloads]}
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]


def openapi_document(app: FastAPI | None = None) -> str:
    """The protocol's OpenAPI document as committed in ``docs/protocol/openapi.json``."""
    if app is None:
        app = create_app(ServerStore("sqlite://", run_migrations=False))
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["BadRequest", "create_app", "openapi_document"]
