#!/usr/bin/env bash
# The chain group's scale-out figure of docs/PERFORMANCE.md: aggregate committed payments/s with 1, 2 and 4
# sub-chains of one validator each, the load spread evenly over the sub-chains, with a single dev node measured
# the same way in the same run as the reference.
#
#   bench/scripts/scaleout-benchmark.sh [TXS_PER_SUB_CHAIN] [WARMUP_PER_SUB_CHAIN]
#
# For each N: `banyan up --sub-chains N --sub-validators 1` (a main chain of 4 super nodes and N sub-chains, each
# registered through the governance flow and anchored by its gateway every block), then one load generator per
# sub-chain, all started together, each sending TXS payments at full speed to its sub-chain after a warm-up.
# The aggregate is the sum of the sub-chains' payments over the longest measuring window. Prints the load
# generators' progress and, last, one JSON line.
set -euo pipefail
TXS=${1:-30000}
WARMUP=${2:-30000}
source "$(dirname "$0")/processes.sh" scaleout-bench
BASE_PORT=19900

# Runs one load generator per node URL given, all at once; prints {"tps", "committed", "seconds", "per_chain"}.
spread_load() {
  local dir=$1; shift
  local i=0 pids=()
  for spec in "$@"; do
    local url=${spec%%|*} key=${spec#*|}
    java -jar "$JAR" bench pay --node "$url" --key "$key" --accounts 1000 --txs "$TXS" --warmup "$WARMUP" \
      > "$dir/load-$i.out" 2> "$dir/load-$i.err" &
    pids+=($!); i=$((i + 1))
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  python3 - "$dir" "$i" <<'PY'
import json, sys
results = [json.loads(open(f"{sys.argv[1]}/load-{k}.out").read().strip().splitlines()[-1]) for k in range(int(sys.argv[2]))]
committed = sum(r["committed"] for r in results)
seconds = max(r["seconds"] for r in results)
print(json.dumps({"tps": round(committed / seconds, 1), "committed": committed, "seconds": seconds,
                  "per_chain_tps": [r["tps"] for r in results], "p50_ms": [r["p50_ms"] for r in results]}))
PY
}

RESULTS=()
for N in 1 2 4; do
  echo "== chain group with $N sub-chain(s) of one validator" >&2
  GROUP="$WORK/group-$N"
  java -jar "$JAR" up --dir "$GROUP" --base-port $BASE_PORT --sub-chains "$N" --sub-validators 1 \
    > "$WORK/up-$N.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    grep -q "Press Ctrl-C" "$WORK/up-$N.log" && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$WORK/up-$N.log" >&2; exit 1; }
    sleep 1
  done
  SPECS=()
  for sub in "$GROUP"/sub-*; do
    URL=$(python3 -c "import json,sys; n=json.load(open(sys.argv[1]))['nodes'][0]; print('http://%s:%d' % (n['host'], n['http_port']))" "$sub/network.json")
    SPECS+=("$URL|$sub/keys/genesis-account.json")
  done
  RESULTS+=("\"sub_chains_$N\":$(spread_load "$WORK" "${SPECS[@]}")")
  stop_all
done

echo "== single dev node, the same load (reference)" >&2
java -jar "$JAR" dev --data "$WORK/dev" --http-port $((BASE_PORT + 90)) > "$WORK/dev.log" 2>&1 &
PIDS+=($!)
wait_for_http "http://127.0.0.1:$((BASE_PORT + 90))"
RESULTS+=("\"single_dev_node\":$(spread_load "$WORK" "http://127.0.0.1:$((BASE_PORT + 90))|$WORK/dev/keys/genesis-account.json")")
stop_all

(IFS=,; echo "{${RESULTS[*]}}")
