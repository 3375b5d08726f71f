#!/usr/bin/env bash
# The 4-validator payment benchmark of docs/PERFORMANCE.md, with the single-node reference in the same run.
#
#   bench/scripts/consensus-benchmark.sh [RATE] [TXS]
#
# 1. A fresh 4-validator network on loopback (one JVM per validator, each with its own RocksDB), as
#    `banyan testnet` starts it; payments go round-robin to all four nodes at RATE tx/s (default 1500),
#    after a warm-up of 60,000 payments that is not measured (each JVM compiles its hot paths first).
# 2. A fresh single dev node, measured at full speed after the same warm-up: the reference.
# Prints the load generator's progress and, last, one JSON line per phase.
set -euo pipefail
RATE=${1:-1500}
TXS=${2:-60000}
WARMUP=60000
source "$(dirname "$0")/processes.sh" consensus-bench
BASE_PORT=19700

echo "== 4 validators on one machine, $RATE tx/s offered" >&2
java -jar "$JAR" genesis --validators 4 --dir "$WORK/net" --base-port $BASE_PORT >/dev/null
URLS=()
for i in 0 1 2 3; do
  # The JVM options `banyan testnet` gives its nodes (TestnetCommand.NODE_JVM_OPTIONS).
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" node --config "$WORK/net/node-$i/node.json" > "$WORK/node-$i.log" 2>&1 &
  PIDS+=($!)
  URLS+=("http://127.0.0.1:$((BASE_PORT + 2 * i))")
done
for url in "${URLS[@]}"; do wait_for_http "$url"; done
SUBMIT=$(IFS=,; echo "${URLS[*]}")
java -jar "$JAR" bench pay --node "${URLS[0]}" --submit-to "$SUBMIT" --key "$WORK/net/keys/genesis-account.json" \
  --accounts 2000 --txs "$WARMUP" --warmup 0 --rate "$RATE" --batch 100 --connections 4 > /dev/null
NETWORK=$(java -jar "$JAR" bench pay --node "${URLS[0]}" --submit-to "$SUBMIT" \
  --key "$WORK/net/keys/genesis-account.json" --accounts 2000 --txs "$TXS" --warmup 0 --rate "$RATE" \
  --batch 100 --connections 4 | tail -1)
stop_all

echo "== single dev node, full speed (reference)" >&2
java -jar "$JAR" dev --data "$WORK/dev" --http-port $((BASE_PORT + 50)) > "$WORK/dev.log" 2>&1 &
PIDS+=($!)
wait_for_http "http://127.0.0.1:$((BASE_PORT + 50))"
SINGLE=$(java -jar "$JAR" bench pay --node "http://127.0.0.1:$((BASE_PORT + 50))" \
  --key "$WORK/dev/keys/genesis-account.json" --accounts 2000 --txs "$TXS" --warmup "$WARMUP" | tail -1)
stop_all

echo "{\"four_validators\":$NETWORK,\"single_node\":$SINGLE}"
