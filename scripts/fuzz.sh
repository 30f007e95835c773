#!/usr/bin/env bash
# Fuzzes the scenario loader and the whole run (tests/fuzz/, docs/fuzzing.md) with libFuzzer,
# ASan and UBSan: `bash scripts/fuzz.sh [MINUTES]` builds the `fuzz` preset (clang) into
# build-fuzz/ and runs each target for MINUTES (default 10), one after the other, niced, seeded
# from scenarios/. New interesting inputs are kept in build-fuzz/corpus/TARGET (a later run
# starts from them); a finding is written to build-fuzz/findings/ and makes this script fail.
# Each target's last line reports executions and coverage (libFuzzer's cov: and ft:).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes=${1:-10}
[[ $minutes =~ ^[0-9]+$ && $minutes -gt 0 ]] || { echo "usage: scripts/fuzz.sh [MINUTES]" >&2; exit 2; }
command -v clang++ >/dev/null || { echo "fuzz: needs clang and libclang-rt-14-dev (apt-get install clang)" >&2; exit 2; }

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
mkdir -p build-fuzz/findings
status=0
for target in loader run; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  log=build-fuzz/fuzz-$target.log
  echo "== fuzz_$target for $minutes min (log: $log)"
  # -timeout: one input taking 10 s is a finding (a hang); -rss_limit_mb: so is 2 GB of memory.
  if ! nice -n 10 "build-fuzz/tests/fuzz/fuzz_$target" "$corpus" scenarios \
      -dict=tests/fuzz/scenario.dict -max_total_time=$((minutes * 60)) -max_len=16384 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/findings/$target-" >"$log" 2>&1; then
    status=1
    echo "fuzz_$target: FINDING (see $log and build-fuzz/findings/)" >&2
  fi
  grep -E '^#[0-9]+' "$log" | tail -1
  grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' "$log" || true
done
exit "$status"
