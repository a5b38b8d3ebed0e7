#!/bin/sh
# Registers CareLoop's search attributes on the namespace (idempotent: an
# attribute that already exists is left alone). Must match
# libs/contracts/src/search-attributes.ts; a unit test checks that it does.
set -eu
: "${TEMPORAL_ADDRESS:?}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
until temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; do
  echo "waiting for Temporal at $TEMPORAL_ADDRESS…"; sleep 2
done
for pair in \
  CareLoopPhase=Keyword \
  CareLoopStep=Keyword \
  CareLoopRiskTier=Keyword \
  CareLoopCareManagerId=Keyword \
  CareLoopProgram=Keyword \
  CareLoopNextDueAt=Datetime \
  CareLoopLastProgressAt=Datetime \
  CareLoopFlags=KeywordList
  CareLoopNextDueKind=Keyword
  CareLoopStalledAt=Datetime
do
  name="${pair%%=*}"; type="${pair#*=}"
  temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type" \
    || echo "search attribute $name already registered"
done
