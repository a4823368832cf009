# Sourced by .ci/run: start a throw-away PostgreSQL cluster on loopback and export its URL for the tests.
# The URL is exported only once the server answers, so a failed start makes those tests skip, not fail.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if "$pgbin/pg_isready" -q -h 127.0.0.1 -p 55432; then
  export COUNSELOR_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
else
  pgdata=$(mktemp -d /tmp/counselor-pg.XXXXXX)
  chown postgres "$pgdata"
  su postgres -c "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null &&
    su postgres -c "$pgbin/pg_ctl -D $pgdata -o '-k /tmp -c listen_addresses=127.0.0.1 -p 55432' -l $pgdata/log start -w" >/dev/null &&
    "$pgbin/pg_isready" -q -h 127.0.0.1 -p 55432 &&
    export COUNSELOR_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
fi
if [ -n "${COUNSELOR_TEST_POSTGRES_URL:-}" ]; then
  echo "ci: PostgreSQL is running on 127.0.0.1:55432"
else
  echo "ci: PostgreSQL did not start; its tests will be skipped"
fi
