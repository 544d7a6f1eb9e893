#!/usr/bin/env bash
# P3 (webhook latency), once: builds the CLI and the load generator in Release, then runs it against a real
# `hostnet webhook` process. The report (Markdown) goes to standard output:
#   bench/run-webhook.sh >> bench/RESULTS.md             the Release (JIT) build
#   bench/run-webhook.sh --aot >> bench/RESULTS.md       the Release build, then the NativeAOT publish, same run
#   bench/run-webhook.sh --cli PATH                      another build (e.g. the NativeAOT one docs/webhook.md recommends)
# Other arguments go to the load generator (--rate 1000, --seconds 10, --connections 16, --concurrency 32,
# --server-env K=V,K=V, --server-args "…"); an option given twice takes its last value.
# Not run by CI: it loads both cores for about a minute per build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

aot=false
arguments=()
for argument in "$@"; do
  if [ "$argument" = --aot ]; then aot=true; else arguments+=("$argument"); fi
done

echo "building Release …" >&2
dotnet build src/Hostnet.Cli -c Release -warnaserror -v quiet -nologo >&2
dotnet build bench/Hostnet.WebhookBench -c Release -warnaserror -v quiet -nologo >&2
generator=(dotnet bench/Hostnet.WebhookBench/bin/Release/net10.0/Hostnet.WebhookBench.dll)
# The generator measures the Release build unless the arguments name another with --cli.
"${generator[@]}" --cli src/Hostnet.Cli/bin/Release/net10.0/hostnet ${arguments[@]+"${arguments[@]}"}

if $aot; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/hostnet-webhook-aot.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  # As bench/run.sh and deploy/image publish it; NativeAOT links with the system C toolchain.
  echo "publishing the NativeAOT CLI …" >&2
  dotnet publish src/Hostnet.Cli -c Release -r linux-x64 -p:PublishAot=true -warnaserror -o "$work" -v quiet -nologo >&2
  echo >&2
  "${generator[@]}" ${arguments[@]+"${arguments[@]}"} --cli "$work/hostnet"
fi
