#!/usr/bin/env bash
# PyTorch peer for bench/run.sh: W1–W3 (DESIGN.md) at 1 and 2 threads.
#   bench/peers/run-pytorch.sh [--quick] [--out FILE] [other pytorch_bench.py options]
# Installs Debian's python3-torch and the OpenMP build of OpenBLAS if missing, runs with
# Debian's /usr/bin/python3 (not a pyenv python) against that OpenBLAS (the reference BLAS is
# ~4 GFLOP/s; the pthreads build oversubscribes with torch's OpenMP pool), with
# OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset so OpenBLAS picks its kernel for this CPU.
# If torch cannot be installed or imported, writes {"peer": "pytorch", "error": ...} and exits 0.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3

out=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --out) out="${args[i+1]:-}" ;;
    --out=*) out="${args[i]#--out=}" ;;
  esac
done

fail() {
  local reason="$1"
  echo "pytorch peer not run: $reason" >&2
  if [ -n "$out" ]; then
    mkdir -p "$(dirname "$out")"
    reason="${reason//\\/\\\\}"; reason="${reason//\"/\\\"}"
    printf '{"peer": "pytorch", "error": "%s"}\n' "$reason" > "$out"
  fi
  exit 0
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for p in python3-torch libopenblas0-openmp; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (apt-get)" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo -n"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"; } >&2; then
    fail "apt-get install ${missing[*]} failed"
  fi
fi

[ -x "$py" ] || fail "$py not found"
blasdir="$(dirname "$(dpkg -L libopenblas0-openmp 2>/dev/null | grep -m1 '/libblas\.so\.3$')")"
[ -n "$blasdir" ] && [ -d "$blasdir" ] && [ "$blasdir" != "." ] || fail "OpenMP OpenBLAS (libopenblas0-openmp) folder not found"

export LD_LIBRARY_PATH="$blasdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS GOTO_NUM_THREADS OMP_NUM_THREADS
err="$("$py" -c 'import torch' 2>&1)" || fail "cannot import torch with $py: $(echo "$err" | tail -1)"

"$py" "$here/pytorch_bench.py" "$@"
rc=$?
[ $rc -eq 0 ] || fail "pytorch_bench.py exited with $rc"
