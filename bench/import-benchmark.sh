#!/usr/bin/env bash
# Import benchmark: a 1,000,000-row placement CSV imported into PostgreSQL through the REST API
# (the same code path integrators use), against loading the same file with PostgreSQL COPY into
# a plain table, in the same run. Prints rows/s for both, the ratio and the peak heap.
# Usage: bench/import-benchmark.sh [ROWS]        (needs a local PostgreSQL, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=bench/work
mkdir -p "$work"
db=rapport_bench
port=18080
key=rk_benchkey_0123456789abcdefghijklmnopqrstuvwxyz

echo "== Generating $rows rows"
java bench/GeneratePlacements.java "$rows" "$work/placements.csv"
ls -l "$work/placements.csv" | awk '{printf "   file: %.1f MB\n", $5/1048576}'

psql -q -h localhost -U postgres -d postgres -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
psql -q -h localhost -U postgres -d "$db" -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true

echo "== Baseline: COPY into a plain table"
psql -q -h localhost -U postgres -d "$db" -c "create table placement_raw (account_ref text, creditor text, first_name text,
  last_name text, date_of_birth text, language text, address_line1 text, address_line2 text, city text, state text,
  postal_code text, email text, email_consent text, mobile text, sms_consent text, debt_ref text, account_number text,
  original_creditor text, current_creditor text, itemization_date text, itemization_date_type text,
  amount_on_itemization_date text, interest_since text, fees_since text, payments_since text)"
copy_start=$(date +%s.%N)
psql -q -h localhost -U postgres -d "$db" -c "\copy placement_raw from '$work/placements.csv' with (format csv, header true)"
copy_end=$(date +%s.%N)
psql -q -h localhost -U postgres -d "$db" -c "drop table placement_raw"

echo "== Rapport: POST /api/v1/imports/accounts, heap capped at 512 MB"
[ -f target/rapport-0.1.0-SNAPSHOT.jar ] || mvn -B -q -DskipTests package
rm -rf "$work/data"
RAPPORT_DB_URL="jdbc:postgresql://localhost:5432/$db" RAPPORT_DB_USER=postgres RAPPORT_DEMO=true \
  RAPPORT_DEMO_API_KEY=$key RAPPORT_DATA_DIR="$work/data" SERVER_PORT=$port \
  java -Xmx512m -jar target/rapport-0.1.0-SNAPSHOT.jar > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
sleep 3 # let the demo seed finish
jstat -gc "$app" 500 > "$work/heap.log" &
jstat_pid=$!

import_start=$(date +%s.%N)
id=$(curl -sf -H "Authorization: Bearer $key" -F "file=@$work/placements.csv" "localhost:$port/api/v1/imports/accounts" \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
while :; do
  status=$(curl -sf -H "Authorization: Bearer $key" "localhost:$port/api/v1/imports/$id")
  case "$status" in *'"status":"RUNNING"'*) sleep 0.5 ;; *) break ;; esac
done
import_end=$(date +%s.%N)
kill $jstat_pid 2>/dev/null || true

echo "   result: $(echo "$status" | sed -E 's/"errors":\[.*\]/"errors":[...]/' | cut -c1-300)"
# Heap in use = survivor + eden + old generation (KB columns S0U S1U EU OU of jstat -gc).
peak_heap_mb=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {used=$3+$4+$6+$8; if (used>max) max=used} END {printf "%.0f", max/1024}' "$work/heap.log")

python3 - "$rows" "$copy_start" "$copy_end" "$import_start" "$import_end" "$peak_heap_mb" <<'PY'
import sys
rows = int(sys.argv[1]); copy = float(sys.argv[3]) - float(sys.argv[2]); imp = float(sys.argv[5]) - float(sys.argv[4])
print(f"== {rows:,} rows")
print(f"   PostgreSQL COPY (plain table): {copy:8.1f} s  {rows/copy:10,.0f} rows/s")
print(f"   Rapport import (API)         : {imp:8.1f} s  {rows/imp:10,.0f} rows/s")
print(f"   ratio COPY / Rapport          : {imp/copy:8.2f}x slower")
print(f"   peak heap in use              : {sys.argv[6]} MB (cap 512 MB)")
PY
