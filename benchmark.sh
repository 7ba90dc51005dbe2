#!/usr/bin/env bash
# Builds the three services, starts Kafka, PostgreSQL and the services, measures each path of the
# performance table beside this machine's limit in the same run, and prints one table (also written
# to end-to-end-tests/target/performance-table.md). See "Benchmarks" in README.md.
#
#   ./benchmark.sh [-Dbenchmark.replay.events=1000000] [-Dbenchmark.table.backlog.events=100000] ...
#
# Every argument is passed to Maven: the sizes of each row are system properties, listed with their
# defaults in end-to-end-tests/README.md. Needs JDK 17, Maven, and Node.js with npm (for autocannon,
# installed from tooling/autocannon's package-lock.json).
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null && command -v npm >/dev/null || { echo "benchmark.sh needs Node.js and npm on the PATH (autocannon)" >&2; exit 2; }

# autocannon as pinned in tooling/autocannon, installed into the module's target (the folder stays clean).
load=end-to-end-tests/target/autocannon
mkdir -p "$load"
cp tooling/autocannon/package.json tooling/autocannon/package-lock.json tooling/autocannon/load.js tooling/autocannon/open-loop.js "$load"/
(cd "$load" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

set +e
mvn -pl end-to-end-tests -am verify -Pbenchmark --batch-mode --no-transfer-progress \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=PerformanceTableBenchmarkIT -Dbenchmark.autocannon.directory="$PWD/$load" \
  -Dpasserelle.postgres.statement-statistics=true "$@" \
  | tee end-to-end-tests/target/benchmark.log \
  | grep --line-buffered -E '^(\[INFO\] (BUILD|Tests run)|PERFORMANCE TABLE|\| |- |\[ERROR\])'
status=${PIPESTATUS[0]}
set -e
echo "Full log: end-to-end-tests/target/benchmark.log; table: end-to-end-tests/target/performance-table.md"
exit "$status"
