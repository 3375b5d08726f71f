# Shared by the benchmark scripts (source it): the repository root, the runnable jar (built when the sources
# changed), a scratch directory removed on exit, and the background processes started, all stopped on exit.
#
#   source "$(dirname "$0")/processes.sh" NAME     # WORK becomes /tmp/banyan-NAME.XXXXXX
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d "/tmp/banyan-$1.XXXXXX")
JAR="$ROOT/cli/target/banyan.jar"
PIDS=()

stop_all() {
  for pid in "${PIDS[@]:-}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap 'stop_all; rm -rf "$WORK"' EXIT

"$ROOT/banyan" --help >/dev/null   # builds the jar when the sources changed

# Waits until the node at URL answers, for at most two minutes.
wait_for_http() {
  for _ in $(seq 1 120); do
    curl -sf "$1/getLedger" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "node $1 did not start" >&2; exit 1
}
