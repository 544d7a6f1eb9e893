#!/usr/bin/env bash
# The P1 (check throughput), P2 (snapshot load, placement, audit) and P5 (start-up) benchmark, once: builds Release,
# publishes the ReadyToRun and NativeAOT CLIs (and checks that NativeAOT prints what the JIT build prints: bench/aot-parity.sh),
# then runs bench/Hostnet.Bench. The report (Markdown) goes to standard output, progress to standard error:
#   bench/run.sh > bench/RESULTS.md
# Extra arguments go to the benchmark (--only p1|p2|p2-load|p2-place|p5, --quick, --keep). Not run by CI: it takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/hostnet-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "building Release …" >&2
dotnet build hostnet.sln -c Release -warnaserror -v quiet -nologo >&2
echo "publishing the ReadyToRun CLI …" >&2
dotnet publish src/Hostnet.Cli -c Release -r linux-x64 --self-contained false -o "$work/r2r" -v quiet -nologo >&2
# NativeAOT links with the system C toolchain (clang or gcc); the parity check needs curl.
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null || ! command -v curl >/dev/null; then
  echo "installing gcc (the NativeAOT link) and curl (bench/aot-parity.sh) …" >&2
  (apt-get install -y -qq gcc curl || (apt-get update -qq && apt-get install -y -qq gcc curl)) >&2
fi
echo "publishing the NativeAOT CLI …" >&2
dotnet publish src/Hostnet.Cli -c Release -r linux-x64 -p:PublishAot=true -warnaserror -o "$work/aot" -v quiet -nologo >&2
bench/aot-parity.sh "$work/aot/hostnet" src/Hostnet.Cli/bin/Release/net10.0/hostnet

# P2's cold placement as the shipped build meets it: the benchmark itself compiled ahead of time runs the same
# scheduler code as the NativeAOT `hostnet plan` (only when the placement part runs: it adds a publish).
only=all
for ((i = 1; i <= $#; i++)); do
  if [[ ${!i} == --only ]]; then j=$((i + 1)); only=${!j:-all}; fi
done
aot_bench=()
if [[ $only == all || $only == p2 || $only == p2-place ]]; then
  echo "publishing the NativeAOT benchmark (P2's cold placement) …" >&2
  dotnet publish bench/Hostnet.Bench -c Release -r linux-x64 -p:PublishAot=true -warnaserror -o "$work/bench-aot" -v quiet -nologo >&2
  aot_bench=(--aot-bench "$work/bench-aot")
fi

dotnet bench/Hostnet.Bench/bin/Release/net10.0/Hostnet.Bench.dll \
  --cli src/Hostnet.Cli/bin/Release/net10.0/hostnet \
  --r2r "$work/r2r" \
  --aot "$work/aot" \
  "${aot_bench[@]}" \
  --work "$work/data" \
  "$@"
