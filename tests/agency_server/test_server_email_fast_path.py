"""The server's fast check of plain e-mail addresses never accepts what the desk's full check refuses (issue 18:
the full check, email-validator, cost a fifth of a batch's Python time)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from counselor_app.agency_server.changes import _PLAIN_EMAIL, plain_email
from counselor_app.core import validation

_label = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_addresses = st.one_of(
    st.from_regex(_PLAIN_EMAIL, fullmatch=True),
    st.builds(lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
              st.from_regex(r"[A-Za-z0-9_%+.=-]{1,12}", fullmatch=True), st.lists(_label, min_size=1, max_size=3),
              st.sampled_from(["org", "com", "test", "arpa", "local", "onion", "invalid", "co", "c1", "xn--p1ai"])),
    st.text(max_size=40),
)


@settings(max_examples=600, deadline=None)
@given(_addresses)
def test_a_plain_address_is_one_the_full_check_accepts(address: str) -> None:
    if plain_email(address):
        validation.normalize_email(address)  # raises if the fast path let through what the desk refuses


def test_the_fast_path_takes_ordinary_addresses_and_leaves_the_rest() -> None:
    assert plain_email("maria.lopez+jobs@example.org") and plain_email("A_b%c@Mail.Example.COM")
    for address in ("a..b@x.co", "-a@x.co", "=a@x.co", "a@b.test", "a@home.arpa", "a@ab--c.com", "a@x.c1",
                    "josé@example.org", "a@bücher.example", "a b@x.co", "a@x.co.", "a" * 65 + "@x.co"):
        assert not plain_email(address), address
