#!/usr/bin/env bash
# Builds Passerelle, starts Kafka, PostgreSQL and the three services on loopback, loads the demo
# network through the public API and prints where to look. Ctrl-C stops everything.
# Set KAFKA_BOOTSTRAP_SERVERS and/or POSTGRES_HOST (POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD)
# to use servers of your own instead of the embedded ones.
set -euo pipefail
cd "$(dirname "$0")"
mvn install -DskipTests --batch-mode --no-transfer-progress --quiet
exec java -Dslf4j.internal.verbosity=ERROR -cp "local-stack/target/classes:$(cat local-stack/target/launcher.classpath)" \
  io.passerelle.localstack.LocalRun . "$@"
