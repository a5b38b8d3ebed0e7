#!/bin/sh
# Runs once, when the Postgres volume is first initialised: one role and
# database for CareLoop, one role (allowed to create its databases) for Temporal.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE careloop LOGIN PASSWORD '${CARELOOP_DB_PASSWORD}';
CREATE DATABASE careloop OWNER careloop;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD '${TEMPORAL_DB_PASSWORD}';
SQL
