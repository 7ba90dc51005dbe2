#!/usr/bin/env bash
# Creates the Kafka topics of the public contract (API.md, "Kafka") that do not exist yet.
# Runs in the apache/kafka image: the kafka-topics service of docker-compose.yml and the
# create-topics Job on Kubernetes both use this file.
#
# Existing topics are left as they are: adding partitions or changing the settings of a live topic
# is a deliberate operation (kafka-topics.sh --alter, kafka-configs.sh), never a side effect of a
# deployment. Adding partitions moves keys to other partitions, which breaks per-owner ordering
# for the records already written.
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS    brokers to talk to (required)
#   TOPIC_PARTITIONS           partitions of each main topic (default 3)
#   TOPIC_REPLICATION_FACTOR   replicas of every topic (default 1)
#   TOPIC_MIN_INSYNC_REPLICAS  min.insync.replicas of every topic (default 1); producers use acks=all
#   KAFKA_CLIENT_CONFIG        optional properties file for TLS/SASL (--command-config)
#   KAFKA_WAIT_SECONDS         how long to wait for the brokers to answer (default 180)
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must name the Kafka brokers}"
partitions="${TOPIC_PARTITIONS:-3}"
replication="${TOPIC_REPLICATION_FACTOR:-1}"
min_insync="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
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

# create_topic NAME PARTITIONS [--config key=value ...]
create_topic() {
  local name="$1" topic_partitions="$2"
  shift 2
  "$kafka_bin/kafka-topics.sh" "${admin_args[@]}" --create --if-not-exists \
    --topic "$name" \
    --partitions "$topic_partitions" \
    --replication-factor "$replication" \
    --config "min.insync.replicas=$min_insync" \
    "$@"
}

for topic in passerelle.owners.v1 passerelle.contacts.v1 passerelle.interactions.v1 \
             passerelle.ties.v1 passerelle.recommendations.v1 passerelle.imports.v1; do
  if [[ "$topic" == passerelle.ties.v1 ]]; then
    # Keyed ownerId/contactId: compaction keeps the latest state of every tie, and a tombstone
    # (erasure) eventually removes it.
    create_topic "$topic" "$partitions" --config cleanup.policy=compact
  else
    create_topic "$topic" "$partitions"
  fi
  # Dead letters are rare and read by people, in order: one partition is enough.
  create_topic "$topic.dlq" 1
done
# Default of the dead-letters channel, used when a record's source topic is unknown.
create_topic passerelle.dead-letters 1

echo "Passerelle topics on $bootstrap:"
"$kafka_bin/kafka-topics.sh" "${admin_args[@]}" --list | grep '^passerelle\.'
