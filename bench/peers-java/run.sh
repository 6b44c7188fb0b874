#!/usr/bin/env bash
# Java peers of the Minimax benchmarks: DJL (PyTorch engine) and Deeplearning4j on W1-W3.
#   bench/peers-java/run.sh [--quick] [--out-dir DIR]
# Builds this standalone module once per peer (Maven profiles djl and dl4j: the first build downloads
# about 110 MB for DJL and 150 MB for DL4J from Maven Central), runs each peer in its own JVM and writes
# DIR/djl.json and DIR/dl4j.json (default DIR: bench/peers-java/target/results). A peer that cannot be
# built or run still gets a file, {"peer": ..., "error": "..."}; this script exits 0 either way.
# Threads: every core (nproc, 2 here) unless PEER_THREADS is set; passed as OMP_NUM_THREADS to both,
# and to DJL also as -Dai.djl.pytorch.num_threads (intra-op) with one inter-op thread.
# DJL runs offline (-Dai.djl.offline=true): libtorch comes from the pytorch-native-cpu jar.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
quick=()
out_dir="$here/target/results"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    --out-dir) out_dir="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--out-dir DIR]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
threads="${PEER_THREADS:-$(nproc)}"
limit=$([ ${#quick[@]} -gt 0 ] && echo 600 || echo 1800)

json_error() { # peer reason -> DIR/peer.json
  local reason="${2//\\/\\\\}"; reason="${reason//\"/\\\"}"; reason="$(printf '%s' "$reason" | tr '\n\t' '  ')"
  printf '{"peer": "%s", "error": "%s"}\n' "$1" "$reason" > "$out_dir/$1.json"
  echo "[$1] error: $2" >&2
}

build_peer() { # peer -> 0 when target/peer/{classes,classpath.txt} are ready
  local peer="$1" log="$out_dir/$1.log"
  echo "== $peer: building (mvn -P$peer package)"
  # offline first (fast, no network); online only when something is missing from ~/.m2
  if mvn -B -q -ntp -o -f "$here/pom.xml" -P"$peer" package > "$log" 2>&1 \
     || mvn -B -q -ntp -f "$here/pom.xml" -P"$peer" package >> "$log" 2>&1; then
    return 0
  fi
  json_error "$peer" "build failed: $(grep -m3 -E 'ERROR' "$log" | tr '\n' ' ' | cut -c1-600)"
  return 1
}

run_peer() { # peer main-class [jvm args...]
  local peer="$1" main="$2"; shift 2
  local log="$out_dir/$peer.log" target="$here/target/$peer"
  echo "== $peer: running (threads $threads${quick:+, quick})"
  rm -f "$out_dir/$peer.json"
  local rc=0
  OMP_NUM_THREADS="$threads" timeout "$limit" java -Xms1g -Xmx2g "$@" \
    -cp "$target/classes:$(cat "$target/classpath.txt")" "$main" --out "$out_dir/$peer.json" "${quick[@]}" \
    >> "$log" 2>&1 || rc=$?
  grep -E "^\[$peer\] (W[0-9]|cannot run)" "$log" || true
  if [ ! -s "$out_dir/$peer.json" ]; then
    if [ "$rc" = 124 ]; then json_error "$peer" "timed out after $limit s"
    else json_error "$peer" "JVM exited with status $rc before writing results: $(grep -m2 -E 'SIGSEGV|SIGILL|Error|Exception' "$log" | tr '\n' ' ' | cut -c1-600)"
    fi
  fi
  echo "   -> $out_dir/$peer.json (log: $log)"
}

load1="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)"
if awk -v l="$load1" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  echo "warning: load average $load1 on $(nproc) cores: other work will skew these timings (each JSON records loadavg)" >&2
fi
if build_peer djl; then
  # DJL must load the libtorch inside pytorch-native-cpu (any other PYTORCH_VERSION makes it download):
  # take the version from the classpath the build wrote
  torch_version="$(tr ':' '\n' < "$here/target/djl/classpath.txt" \
    | sed -n 's#.*/pytorch-native-cpu-\([0-9.]*\)-linux-x86_64\.jar$#\1#p' | head -1)"
  run_peer djl minimax.peers.djl.DjlPeer \
    -Dai.djl.offline=true -DPYTORCH_FLAVOR=cpu ${torch_version:+-DPYTORCH_VERSION="$torch_version"} \
    -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
fi
if build_peer dl4j; then
  run_peer dl4j minimax.peers.dl4j.Dl4jPeer
fi
exit 0
