"""Partner referrals and outreach claims on the reference server (issue 16).

A ``partner`` user speaks for one partner organization (``PartnerOrganization``; by default its display name).
It may create referrals to a career center and read the referrals of its own organization, and nothing else:
``app._principal`` answers 403 to a partner on every other route, so a new route is closed to partners unless
it opts in here. Center staff read their center's referrals (administrators all) and move them forward; each
creation and change is written to the changes feed (kind ``referral``) for the center's desks.

Outreach claims: one row per campaign contact (the primary key), so when two desks race for the same person
exactly one insert wins; the loser re-reads and is told who holds the person and until when. A claim held by
the same user is renewed; an expired claim is taken over.
"""

# No ``from __future__ import annotations``: the routes' ``Anyone`` alias is local to ``register_referral_routes``,
# and FastAPI must see the evaluated annotation.
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counselor_app.agency_server.db import ServerStore, claim_feed_numbers, upsert_feed_rows
from counselor_app.agency_server.models import AuditEvent, Center, UserAccount, utcnow
from counselor_app.agency_server.referral_models import OutreachClaim, PartnerOrganization, Referral
from counselor_app.agency_server.service import BadRequest, Forbidden, NotFound, Principal
from counselor_app.core.vocabulary import FeedKind
from counselor_app.sync import protocol as p
from counselor_app.sync import referral_protocol as rp

PARTNER = "partner"
_ORDER = {"submitted": 0, "accepted": 1, "booked": 2, "served": 3, "declined": 3}


class ReferralService:
    def __init__(self, store: ServerStore, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    # -- partners ----------------------------------------------------------------------------------------
    def set_organization(self, username: str, organization: str) -> None:
        organization = " ".join(organization.split())[:200]
        if not organization:
            raise BadRequest("Give the partner organization's name.")
        with self.store.session() as session:
            user = session.scalar(select(UserAccount).where(UserAccount.username == username))
            if user is None or user.role != PARTNER:
                raise BadRequest("That user is not a partner user; add them with --role partner first.")
            row = session.get(PartnerOrganization, user.id)
            if row is None:
                session.add(PartnerOrganization(user_id=user.id, organization=organization))
            else:
                row.organization = organization

    @staticmethod
    def _organization(session: Session, principal: Principal) -> str:
        row = session.get(PartnerOrganization, principal.user_id)
        return row.organization if row is not None else principal.display_name

    def create(self, principal: Principal, request: rp.ReferralCreate) -> rp.ReferralRecord:
        if principal.role != PARTNER:
            raise Forbidden("Only a partner agency's user can refer a customer.")
        now = self.clock()
        with self.store.session() as session:
            center_id = principal.center_id
            if request.center and request.center.strip() != principal.center:
                found = session.scalar(select(Center).where(Center.name == request.center.strip()))
                if found is None:
                    raise BadRequest("There is no career center of that name.")
                center_id = found.id
            ref = Referral(organization=self._organization(session, principal), created_by=principal.user_id,
                           center_id=center_id, first_name=request.first_name.strip()[:120],
                           last_name=request.last_name.strip()[:120],
                           email=(request.email or "").strip() or None, phone=(request.phone or "").strip() or None,
                           preferred_language=request.preferred_language or "en", registered=request.registered,
                           reason=request.reason.strip(),
                           next_step=None if request.registered else rp.NEXT_STEP_REGISTER,
                           status="submitted", created_at=now, updated_at=now, updated_by=principal.user_id)
            if not ref.first_name or not ref.last_name or not ref.reason:
                raise BadRequest("A referral needs the person's first and last name and a reason.")
            if ref.email and "@" not in ref.email:
                raise BadRequest("The e-mail address is not valid.")
            session.add(ref)
            session.flush()
            record = self._record(session, ref)
            self._feed(session, ref, record)
            session.add(AuditEvent(at=now, username=principal.username, action="referral_created",
                                   detail={"referral": ref.id}))
            return record

    def _record(self, session: Session, ref: Referral) -> rp.ReferralRecord:
        center = session.get(Center, ref.center_id)
        return rp.ReferralRecord(
            id=ref.id, organization=ref.organization, center=center.name if center else "",
            first_name=ref.first_name, last_name=ref.last_name, email=ref.email, phone=ref.phone,
            preferred_language=ref.preferred_language, registered=ref.registered, reason=ref.reason,
            next_step=ref.next_step, status=ref.status,  # type: ignore[arg-type]
            created_at=ref.created_at, updated_at=ref.updated_at)

    @staticmethod
    def _feed(session: Session, ref: Referral, record: rp.ReferralRecord) -> None:
        """Put the referral in its center's feed: numbered last, under the feed counter's lock held to the commit
        (``db.claim_feed_numbers``), so feed order stays commit order."""
        session.flush()
        seq = claim_feed_numbers(session, 1)
        upsert_feed_rows(session, [{"kind": FeedKind.REFERRAL, "key": ref.id, "seq": seq, "center_id": ref.center_id,
                                    "origin_device": None, "only_device": None,
                                    "data": record.model_dump(mode="json")}])

    def _visible(self, session: Session, principal: Principal) -> Any:
        query = select(Referral)
        if principal.role == PARTNER:
            return query.where(Referral.organization == self._organization(session, principal))
        if not principal.is_administrator:
            return query.where(Referral.center_id == principal.center_id)
        return query

    def list(self, principal: Principal, *, status: str | None, limit: int, offset: int) -> rp.ReferralList:
        with self.store.read() as session:
            query = self._visible(session, principal)
            if status:
                query = query.where(Referral.status == status)
            rows = list(session.scalars(query.order_by(Referral.created_at, Referral.id).limit(limit).offset(offset)))
            return rp.ReferralList(referrals=[self._record(session, r) for r in rows])

    def get(self, principal: Principal, referral_id: str) -> rp.ReferralRecord:
        with self.store.read() as session:
            ref = session.get(Referral, referral_id)
            if ref is None:
                raise NotFound("There is no such referral.")
            visible = session.scalar(self._visible(session, principal).where(Referral.id == referral_id))
            if visible is None:
                raise Forbidden("This referral belongs to another organization or center.")
            return self._record(session, ref)

    def set_status(self, principal: Principal, referral_id: str, update: rp.ReferralStatusUpdate
                   ) -> rp.ReferralRecord:
        if principal.role == PARTNER:
            raise Forbidden("A partner reads the status of its referrals; the career center sets it.")
        now = self.clock()
        with self.store.session() as session:
            ref = session.get(Referral, referral_id)
            if ref is None:
                raise NotFound("There is no such referral.")
            if not principal.is_administrator and ref.center_id != principal.center_id:
                raise Forbidden("This referral was made to another center.")
            if _ORDER[update.status] > _ORDER.get(ref.status, 0):  # statuses only move forward; a replay is a no-op
                ref.status = update.status
                ref.updated_at = now
                ref.updated_by = principal.user_id
                if update.job_seeker_id:
                    ref.job_seeker_id = update.job_seeker_id
                session.flush()
                record = self._record(session, ref)
                self._feed(session, ref, record)
                session.add(AuditEvent(at=now, username=principal.username, action="referral_status",
                                       detail={"referral": ref.id, "status": update.status}))
                return record
            return self._record(session, ref)

    # -- outreach claims ---------------------------------------------------------------------------------
    def claim(self, principal: Principal, request: rp.ClaimRequest) -> rp.ClaimGrant:
        if principal.role == PARTNER:
            raise Forbidden("Only career-center staff work outreach campaigns.")
        for _ in range(3):
            now = self.clock()
            expires = now + timedelta(minutes=request.minutes)
            try:
                with self.store.session() as session:
                    row = session.scalar(select(OutreachClaim).where(
                        OutreachClaim.contact_id == request.contact_id).with_for_update())
                    if row is None:
                        session.add(OutreachClaim(contact_id=request.contact_id, center_id=principal.center_id,
                                                  holder=principal.username, device_id=request.device_id,
                                                  claimed_at=now, expires_at=expires, version=1))
                        session.flush()
                        return rp.ClaimGrant(contact_id=request.contact_id, granted=True, holder=principal.username,
                                             expires_at=expires)
                    if row.center_id != principal.center_id and not principal.is_administrator:
                        raise Forbidden("This person is on another center's campaign.")
                    if row.holder != principal.username and row.expires_at > now:
                        return rp.ClaimGrant(contact_id=request.contact_id, granted=False, holder=row.holder,
                                             expires_at=row.expires_at)
                    row.holder = principal.username
                    row.device_id = request.device_id
                    row.claimed_at = now
                    row.expires_at = expires
                    row.version += 1
                    return rp.ClaimGrant(contact_id=request.contact_id, granted=True, holder=principal.username,
                                         expires_at=expires)
            except IntegrityError:
                continue  # another desk inserted the claim first: read who holds it
        raise BadRequest("The claim could not be settled; try again.")

    def release(self, principal: Principal, contact_id: str) -> None:
        if principal.role == PARTNER:
            raise Forbidden("Only career-center staff work outreach campaigns.")
        with self.store.session() as session:
            row = session.get(OutreachClaim, contact_id)
            if row is not None and row.holder == principal.username:
                row.expires_at = self.clock()


def register_referral_routes(app: FastAPI, store: ServerStore, *, principal: Callable[..., Principal],
                             errors: dict[int | str, dict[str, Any]]) -> ReferralService:
    """Add the referral and claim routes. ``principal`` resolves the bearer token for any role (partners too)."""
    service = ReferralService(store)
    app.state.referrals = service
    Anyone = Annotated[Principal, Depends(principal)]
    not_found: dict[int | str, dict[str, Any]] = {404: {"model": p.ErrorBody}}

    @app.post(f"{p.API_PREFIX}/referrals", response_model=rp.ReferralRecord, status_code=201, tags=["referrals"],
              responses=errors | {400: {"model": p.ErrorBody}})
    def create_referral(request: rp.ReferralCreate, user: Anyone) -> rp.ReferralRecord:
        """A partner agency refers a customer to a career center (default: the partner user's center). Someone
        not registered with the state's system gets next_step 'register'. The center's desks receive it through
        the changes feed (kind 'referral')."""
        return service.create(user, request)

    @app.get(f"{p.API_PREFIX}/referrals", response_model=rp.ReferralList, tags=["referrals"], responses=errors)
    def list_referrals(user: Anyone, status: Annotated[rp.ReferralStatusValue | None, Query()] = None,
                       limit: Annotated[int, Query(ge=1, le=1000)] = 200,
                       offset: Annotated[int, Query(ge=0)] = 0) -> rp.ReferralList:
        """Referrals, oldest first: a partner sees its own organization's only; center staff their center's."""
        return service.list(user, status=status, limit=limit, offset=offset)

    @app.get(f"{p.API_PREFIX}/referrals/{{referral_id}}", response_model=rp.ReferralRecord, tags=["referrals"],
             responses=errors | not_found)
    def get_referral(referral_id: Annotated[str, Path(min_length=1, max_length=64)], user: Anyone) -> rp.ReferralRecord:
        """One referral and its status; 403 for another organization's or center's."""
        return service.get(user, referral_id)

    @app.post(f"{p.API_PREFIX}/referrals/{{referral_id}}/status", response_model=rp.ReferralRecord,
              tags=["referrals"], responses=errors | not_found)
    def set_referral_status(referral_id: Annotated[str, Path(min_length=1, max_length=64)], update: rp.ReferralStatusUpdate,
                            user: Anyone) -> rp.ReferralRecord:
        """Center staff move a referral forward (accepted → booked → served, or declined); a status never goes
        back, so a repeated or late update changes nothing. The partner reads the result."""
        return service.set_status(user, referral_id, update)

    @app.post(f"{p.API_PREFIX}/outreach/claims", response_model=rp.ClaimGrant, tags=["outreach"],
              responses=errors)
    def claim_contact(request: rp.ClaimRequest, user: Anyone) -> rp.ClaimGrant:
        """Claim a campaign contact for some minutes so no other desk calls the person at the same time. When
        another user holds an unexpired claim the answer is granted=false with who and until when."""
        return service.claim(user, request)

    @app.delete(f"{p.API_PREFIX}/outreach/claims/{{contact_id}}", status_code=204, tags=["outreach"],
                responses=errors)
    def release_contact(contact_id: Annotated[str, Path(min_length=1, max_length=64)], user: Anyone) -> Response:
        """End one's own claim early (after recording the call)."""
        service.release(user, contact_id)
        return Response(status_code=204)

    return service



def add_partner_cli(sub: Any, common: Any) -> None:
    """``counselor-agency-server set-partner-organization USER ORGANIZATION`` (registered by ``cli.build_parser``)."""
    s = sub.add_parser("set-partner-organization", parents=[common],
                       help="say which partner organization a partner user refers for (default: their display name)")
    s.add_argument("name", help="the partner user's user name (added with add-user --role partner)")
    s.add_argument("organization", help="the partner organization's name")
    s.set_defaults(handler=_run_set_organization)


def _run_set_organization(args: Any) -> int:
    from counselor_app.agency_server.db import resolve_database_url

    store = ServerStore(resolve_database_url(args.database_url))
    try:
        ReferralService(store).set_organization(args.name, args.organization)
    finally:
        store.close()
    print(f"{args.name} refers for {args.organization}.")
    return 0
