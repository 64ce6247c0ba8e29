#!/usr/bin/env bash
# PostgreSQL for the store tests: install Debian's server when missing, start its cluster, create
# the test role and database. Run as root; idempotent (a second run changes nothing). Prints the
# URL the tests read from $CLAIMLEDGER_TEST_PG (this is its default).
set -euo pipefail

PG_USER=claimledger
PG_PASSWORD=claimledger
PG_DB=claimledger_test
PG_HOST=127.0.0.1
PG_PORT=5432

if [ "$(id -u)" -ne 0 ]; then
  echo "postgres.sh: run as root" >&2
  exit 1
fi

# The newest installed server version (the directory names under /usr/lib/postgresql).
pg_version() {
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -1 || true)
  if [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then
    echo "$v"
  fi
}

VERSION=$(pg_version)
if [ -z "$VERSION" ] || ! command -v pg_ctlcluster >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends postgresql
  VERSION=$(pg_version)
fi
if [ -z "$VERSION" ]; then
  echo "postgres.sh: no PostgreSQL server found after installing it" >&2
  exit 1
fi

# A cluster: Debian's package creates "main"; make one if it was removed.
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$VERSION" main --port "$PG_PORT"
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online"' \
    | grep -q .; then
  pg_ctlcluster "$VERSION" main start
fi

# Wait until it accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    break
  fi
  sleep 1
done
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  echo "postgres.sh: the server does not answer on $PG_HOST:$PG_PORT" >&2
  exit 1
fi

psql_admin() {
  # Run from / so that psql as postgres can stat its working directory.
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  # UTF-8 with byte-order collation: text sorts as in SQLite whatever the machine's locale.
  psql_admin -c "CREATE DATABASE $PG_DB OWNER $PG_USER TEMPLATE template0 ENCODING 'UTF8' \
    LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
fi

echo "postgresql://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DB"
