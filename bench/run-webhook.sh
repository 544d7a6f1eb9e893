#!/usr/bin/env bash
# P3 (webhook latency), once: builds the CLI and the load generator in Release, then runs it against a real
# `hostnet webhook` process. The report (Markdown) goes to standard output:
#   bench/run-webhook.sh >> bench/RESULTS.md
# Extra arguments go to the load generator (--cli PATH, --rate 1000, --seconds 10, --connections 16, --concurrency 32).
# Not run by CI: it loads both cores for about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "building Release …" >&2
dotnet build src/Hostnet.Cli -c Release -warnaserror -v quiet -nologo >&2
dotnet build bench/Hostnet.WebhookBench -c Release -warnaserror -v quiet -nologo >&2
# --cli PATH measures another build (the NativeAOT one docs/webhook.md recommends); the Release build otherwise.
cli=(--cli src/Hostnet.Cli/bin/Release/net10.0/hostnet)
for argument in "$@"; do
  [ "$argument" != --cli ] || cli=()
done
dotnet bench/Hostnet.WebhookBench/bin/Release/net10.0/Hostnet.WebhookBench.dll "${cli[@]}" "$@"
