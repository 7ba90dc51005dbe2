#!/usr/bin/env bash
# Creates the Kafka topics of the public contract (API.md, "Kafka") and applies their settings.
# Runs in the apache/kafka image: the kafka-topics service of docker-compose.yml and the
# create-topics Job on Kubernetes both use this file.
#
# Idempotent: a topic that does not exist is created; the settings below are then applied to every
# topic, new or existing (kafka-configs.sh --alter), so that running the script again after a
# change of retention brings live topics in line. Partitions and replicas of an existing topic are
# left as they are: adding partitions moves keys to other partitions, which breaks per-owner
# ordering for the records already written, so it stays a deliberate operation.
#
# The same settings are in deploy/kubernetes/components/strimzi-topics (KafkaTopic resources).
# Retention bounds how long the events of an erased person stay in Kafka (graph-service's README,
# "Erasure"): the ingestion and recommendations topics keep records 30 days (graph-service's
# idempotency window is 30 days, so a redelivered record is always recognised), dead letters 14
# days, and compaction of the ties topic is forced within a day.
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS      brokers to talk to (required)
#   TOPIC_PARTITIONS             partitions of each main topic (default 6)
#   TOPIC_REPLICATION_FACTOR     replicas of every topic (default 1)
#   TOPIC_MIN_INSYNC_REPLICAS    min.insync.replicas of every topic (default 1); producers use acks=all
#   TOPIC_RETENTION_MS           retention.ms of the ingestion and recommendations topics (default 2592000000, 30 days)
#   DEAD_LETTER_RETENTION_MS     retention.ms of the dead-letter topics (default 1209600000, 14 days)
#   TIES_MAX_COMPACTION_LAG_MS   max.compaction.lag.ms of passerelle.ties.v1 (default 86400000, 1 day)
#   KAFKA_CLIENT_CONFIG          optional properties file for TLS/SASL (--command-config)
#   KAFKA_WAIT_SECONDS           how long to wait for the brokers to answer (default 180)
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must name the Kafka brokers}"
partitions="${TOPIC_PARTITIONS:-6}"
replication="${TOPIC_REPLICATION_FACTOR:-1}"
min_insync="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
retention_ms="${TOPIC_RETENTION_MS:-2592000000}"
dead_letter_retention_ms="${DEAD_LETTER_RETENTION_MS:-1209600000}"
ties_max_compaction_lag_ms="${TIES_MAX_COMPACTION_LAG_MS:-86400000}"
wait_seconds="${KAFKA_WAIT_SECONDS:-180}"
kafka_bin="${KAFKA_HOME:-/opt/kafka}/bin"

admin_args=(--bootstrap-server "$bootstrap")
if [[ -n "${KAFKA_CLIENT_CONFIG:-}" ]]; then
  admin_args+=(--command-config "$KAFKA_CLIENT_CONFIG")
fi

# On Kubernetes the Job may start before the brokers accept connections.
deadline=$((SECONDS + wait_seconds))
until "$kafka_bin/kafka-topics.sh" "${admin_args[@]}" --list >/dev/null 2>&1; do
  if ((SECONDS >= deadline)); then
    echo "Kafka at $bootstrap did not answer within ${wait_seconds}s" >&2
    exit 1
  fi
  echo "Waiting for Kafka at $bootstrap"
  sleep 5
done

# apply_topic NAME PARTITIONS CONFIGS (comma-separated key=value, none containing a comma)
apply_topic() {
  local name="$1" topic_partitions="$2" configs="min.insync.replicas=$min_insync,$3"
  local create_args=()
  IFS=',' read -ra pairs <<<"$configs"
  for pair in "${pairs[@]}"; do
    create_args+=(--config "$pair")
  done
  "$kafka_bin/kafka-topics.sh" "${admin_args[@]}" --create --if-not-exists \
    --topic "$name" \
    --partitions "$topic_partitions" \
    --replication-factor "$replication" \
    "${create_args[@]}"
  # Also for a topic that existed before: settings changed since then take effect.
  "$kafka_bin/kafka-configs.sh" "${admin_args[@]}" --alter \
    --entity-type topics --entity-name "$name" --add-config "$configs"
}

# Deleted after retention.ms; read by their consumers long before.
event_configs="cleanup.policy=delete,retention.ms=$retention_ms"
# Keyed ownerId/contactId: compaction keeps the latest state of every tie, and a tombstone (erasure)
# removes it. Segments roll every hour and compaction runs at the latest max.compaction.lag.ms
# after a record was written, so superseded records naming an erased contact go within a day;
# tombstones themselves stay delete.retention.ms (a day), long enough for consumers to see them.
ties_configs="cleanup.policy=compact,max.compaction.lag.ms=$ties_max_compaction_lag_ms,segment.ms=3600000,delete.retention.ms=86400000"
# Dead letters are rare and read by people, in order: one partition is enough. They hold copies of
# personal data: kept no longer than an investigation needs.
dead_letter_configs="cleanup.policy=delete,retention.ms=$dead_letter_retention_ms"

for topic in passerelle.owners.v1 passerelle.contacts.v1 passerelle.interactions.v1 \
             passerelle.ties.v1 passerelle.recommendations.v1 passerelle.imports.v1; do
  if [[ "$topic" == passerelle.ties.v1 ]]; then
    apply_topic "$topic" "$partitions" "$ties_configs"
  else
    apply_topic "$topic" "$partitions" "$event_configs"
  fi
  apply_topic "$topic.dlq" 1 "$dead_letter_configs"
done
# Default of the dead-letters channel, used when a record's source topic is unknown.
apply_topic passerelle.dead-letters 1 "$dead_letter_configs"

echo "Passerelle topics on $bootstrap:"
"$kafka_bin/kafka-topics.sh" "${admin_args[@]}" --describe --topics-with-overrides | grep 'passerelle\.' || true
