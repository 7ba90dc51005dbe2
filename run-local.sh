#!/usr/bin/env bash
# Builds Passerelle, starts Kafka, PostgreSQL and the three services on loopback, loads the demo
# network through the public API and prints where to look. Ctrl-C stops everything.
#
#   ./run-local.sh [--exit-after-demo] [--data DIR]
#
# Without --data the run is throw-away: its files are deleted when it stops. --data DIR keeps
# Kafka's logs, PostgreSQL's cluster and the token keys in DIR for the next run (see README.md).
# Set KAFKA_BOOTSTRAP_SERVERS and/or POSTGRES_HOST (POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD)
# to use servers of your own instead of the embedded ones.
set -euo pipefail

# DIR is relative to where the command was typed, not to the project directory entered below.
args=()
while (($#)); do
  case "$1" in
    --data)
      [[ $# -ge 2 && -n "$2" ]] || { echo "--data needs a directory: --data DIR" >&2; exit 2; }
      args+=(--data "$(realpath -m -- "$2")"); shift 2 ;;
    --data=*)
      args+=(--data "$(realpath -m -- "${1#--data=}")"); shift ;;
    *)
      args+=("$1"); shift ;;
  esac
done

cd "$(dirname "$0")"
mvn install -DskipTests --batch-mode --no-transfer-progress --quiet
exec java -Dslf4j.internal.verbosity=ERROR -cp "local-stack/target/classes:$(cat local-stack/target/launcher.classpath)" \
  io.passerelle.localstack.LocalRun . ${args[@]+"${args[@]}"}
