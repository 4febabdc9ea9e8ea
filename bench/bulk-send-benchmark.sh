#!/usr/bin/env bash
# Bulk send benchmark: N accounts placed on PostgreSQL, then a bulk send of N rows (half email, half SMS) timed from
# upload to DONE through the REST API, every message rendered, gated, recorded and delivered to a local SMTP server
# (a counting SMTP sink started by the driver) or the SMS sandbox (per-sender rate raised so it does not pace the run); against
# N pre-rendered emails sent to the same SMTP server by a plain Jakarta Mail loop over one connection, in the same run.
# The clock stops when every message has been handed to SMTP or the SMS provider, not when the bulk send says DONE.
# BENCH_APP_JVM_OPTS adds JVM options to the application (e.g. a JFR recording).
# Usage: bench/bulk-send-benchmark.sh [N] [CONCURRENCY]     (default 100000 and 3; needs a local PostgreSQL, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
concurrency=${2:-3}
work=${BENCH_WORK:-bench/work/bulk}
mkdir -p "$work"
# BENCH_DB, BENCH_APP_PORT, BENCH_SMTP_PORT and BENCH_WORK let two runs share a machine.
db=${BENCH_DB:-rapport_bulk_bench}
app_port=${BENCH_APP_PORT:-18082}
smtp_port=${BENCH_SMTP_PORT:-25252}

[ -f target/rapport-0.1.0-SNAPSHOT.jar ] || mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
psql -q -h localhost -U postgres -d postgres -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
rm -rf "$work/data"
echo "== load: $(uptime)"
RAPPORT_DB_URL="jdbc:postgresql://localhost:5432/$db" RAPPORT_DB_USER=postgres RAPPORT_DEMO=true \
  RAPPORT_DEMO_API_KEY=rk_bulkbnch_0123456789abcdefghijklmnopqrstuvwxyz RAPPORT_DATA_DIR="$work/data" SERVER_PORT=$app_port \
  RAPPORT_SMTP_HOST=127.0.0.1 RAPPORT_SMTP_PORT=$smtp_port RAPPORT_SMS_PER_SENDER_PER_SECOND=1000000 \
  java -Xmx3g -cp "$(cat "$work/cp.txt")" bench/bulk/BulkSendBenchmark.java "$n" target/rapport-0.1.0-SNAPSHOT.jar \
  "jdbc:postgresql://localhost:5432/$db" "$work" "$concurrency"
echo "== load: $(uptime)"
