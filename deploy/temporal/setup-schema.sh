#!/bin/sh
# Temporal's persistence on the compose Postgres: creates the `temporal` and
# `temporal_visibility` databases if missing, then brings each schema to the
# version this admin-tools image ships (the server's). Safe to run on every
# start: setup-schema leaves a newer schema alone, update-schema applies only
# the versions not yet applied, so an existing volume is upgraded in place.
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12
export SQL_PASSWORD

until nc -z "$POSTGRES_SEEDS" 5432; do
  echo "waiting for Postgres at $POSTGRES_SEEDS:5432…"; sleep 2
done
sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p 5432 -u "$POSTGRES_USER" --db "$name" "$@"; }
for db in temporal:temporal temporal_visibility:visibility; do
  name="${db%%:*}"; schema="${db#*:}"
  sql create
  sql setup-schema -v 0.0
  sql update-schema -d "$SCHEMA_ROOT/$schema/versioned"
done
echo "Temporal schema is up to date"
