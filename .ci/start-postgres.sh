# Sourced by .ci/run: start a throw-away PostgreSQL cluster on loopback and export its URL for the tests.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata=$(mktemp -d /tmp/counselor-pg.XXXXXX)
chown postgres "$pgdata"
su postgres -c "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $pgdata -o '-k /tmp -c listen_addresses=127.0.0.1 -p 55432' -l $pgdata/log start -w" >/dev/null
export COUNSELOR_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
