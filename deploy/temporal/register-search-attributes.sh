#!/bin/sh
# Creates the namespace if it does not exist (the temporalio/server image,
# unlike the retired auto-setup one, creates none) and registers CareLoop's
# search attributes on it (idempotent: an attribute that already exists is
# left alone; any other failure stops the script with a non-zero exit). Must match libs/contracts/src/search-attributes.ts; a unit test
# checks that it does, and an e2e test runs it against a real server.
set -eu
: "${TEMPORAL_ADDRESS:?}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-30d}"
until temporal operator cluster health >/dev/null 2>&1; do
  echo "waiting for Temporal at $TEMPORAL_ADDRESS…"; sleep 2
done
if ! temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
fi
# A new namespace reaches every frontend through the namespace cache a few seconds later.
until registered=$(temporal operator search-attribute list --namespace "$NAMESPACE" 2>/dev/null); do
  echo "waiting for namespace $NAMESPACE…"; sleep 2
done
for pair in \
  CareLoopPhase=Keyword \
  CareLoopStep=Keyword \
  CareLoopRiskTier=Keyword \
  CareLoopCareManagerId=Keyword \
  CareLoopProgram=Keyword \
  CareLoopNextDueAt=Datetime \
  CareLoopLastProgressAt=Datetime \
  CareLoopFlags=KeywordList \
  CareLoopNextDueKind=Keyword \
  CareLoopStalledAt=Datetime
do
  name="${pair%%=*}"; type="${pair#*=}"
  if printf '%s\n' "$registered" | grep -qw "$name"; then
    echo "search attribute $name already registered"
  else
    temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type"
  fi
done
