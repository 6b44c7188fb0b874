#!/usr/bin/env bash
# The benchmark command: runs Minimax's JMH benchmarks (W1–W3) and the peers (PyTorch, DJL,
# Deeplearning4j) on this machine in one run, then writes a markdown + JSON table with medians,
# spreads and ratios to bench/results/<time>/report.{md,json}.
#   bench/run.sh           full run (about 20–30 minutes)
#   bench/run.sh --quick   short measurements
#   bench/run.sh --jvm PATH   Minimax's benchmarks on another JVM (its bin/java; for example a newer
#                          JDK, whose compiler may handle the Vector API better); peers are unchanged
# Peers that cannot run are reported as such, with the reason. Generated results are not committed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=""
jmh=()
# W1's step keeps getting faster for about 10 s of JIT compilation (its many small ops), so it gets
# a warm-up of its own in both modes; W2 and W3 are warm within a few seconds.
w1=(-wi 6 -w 2)
jvm=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick"; jmh=(-wi 2 -i 3 -w 1 -r 1); w1=(-wi 6 -w 2 -i 3 -r 1); shift ;;
    --jvm)
      [ -f "${2:-}" ] && [ -x "${2:-}" ] || { echo "bench/run.sh: --jvm needs the path of a java executable (a JDK's bin/java), got '${2:-}'" >&2; exit 2; }
      jvm=(-jvm "$(realpath "$2")"); shift 2 ;;
    *) echo "bench/run.sh: unknown option '$1' (expected --quick and/or --jvm PATH)" >&2; exit 2 ;;
  esac
done
cd "$root" # after the options: a relative --jvm path is the caller's
out="$root/bench/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
echo "== building the benchmarks"
mvn -B -q -ntp -Dstyle.color=never -Pbench -pl bench -am package -DskipTests
# the core-to-core round trip before and after each library's runs: on a VM it tells whether the two
# vCPUs shared an L3 cache meanwhile (see CoreLatency); the report prints it under the table
latency() { java -cp bench/target/benchmarks.jar minimax.bench.CoreLatency "$out/core-latency-$1.json" || true; }
latency before-minimax
echo "== Minimax (JMH)"
java -jar bench/target/benchmarks.jar 'W1' "${w1[@]}" "${jvm[@]}" -rf json -rff "$out/minimax-jmh-w1.json"
java -jar bench/target/benchmarks.jar 'W[23]' "${jmh[@]}" "${jvm[@]}" -rf json -rff "$out/minimax-jmh.json"
latency after-minimax
echo "== PyTorch"
if [ -x bench/peers/run-pytorch.sh ]; then
  bench/peers/run-pytorch.sh --out "$out/pytorch.json" $quick || echo "{\"peer\": \"pytorch\", \"error\": \"harness exited with an error\"}" > "$out/pytorch.json"
fi
echo "== DJL and Deeplearning4j"
if [ -x bench/peers-java/run.sh ]; then
  bench/peers-java/run.sh --out-dir "$out" $quick || true
fi
latency after-peers
echo "== report"
java -cp bench/target/benchmarks.jar minimax.bench.Report "$out"
echo "written: $out/report.md and $out/report.json"
