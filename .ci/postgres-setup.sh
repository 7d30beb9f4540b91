#!/usr/bin/env bash
# Installs PostgreSQL 15 from the distribution's packages, starts it on loopback and creates the
# user and database the PostgreSQL integration test uses by default:
#   jdbc:postgresql://127.0.0.1:5432/codecred, user codecred, password codecred
# (the test reads CODECRED_PG_URL / CODECRED_PG_USER / CODECRED_PG_PASSWORD to use another server).
# Safe to run again on a machine where it already ran (the test databases are made anew). Exports nothing.
set -euo pipefail

PG_VERSION=15
PG_USER=codecred
PG_PASSWORD=codecred
PG_DATABASE=codecred

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! dpkg -s "postgresql-${PG_VERSION}" >/dev/null 2>&1; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    as_root pg_createcluster "$PG_VERSION" main
fi
# Debian's cluster listens on localhost only (listen_addresses default) and asks loopback TCP
# clients for a password (pg_hba.conf: host ... 127.0.0.1/32 scram-sha-256).
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    as_root pg_ctlcluster "$PG_VERSION" main start
fi

psql_postgres() {
    as_root su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d postgres $*"
}

for _ in $(seq 1 30); do
    if as_root su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432"; then break; fi
    sleep 1
done

if [ "$(psql_postgres "-tAc \"SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}'\"")" != "1" ]; then
    psql_postgres "-c \"CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'\""
else
    psql_postgres "-c \"ALTER ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'\""
fi
# The test databases start empty on every run: a schema left by an earlier build on this machine
# (another migration history, say) must not decide a test's outcome. The scale-out test
# (RemotePartitioningTest) owns a database of its own.
for db in "${PG_DATABASE}" "${PG_DATABASE}_scaleout"; do
    psql_postgres "-c \"DROP DATABASE IF EXISTS ${db} WITH (FORCE)\""
    psql_postgres "-c \"CREATE DATABASE ${db} OWNER ${PG_USER} ENCODING 'UTF8' TEMPLATE template0\""
done

PGPASSWORD="$PG_PASSWORD" psql -X -q -h 127.0.0.1 -p 5432 -U "$PG_USER" -d "$PG_DATABASE" -tAc "SELECT 'postgresql ready: ' || version()"
