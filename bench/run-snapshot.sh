#!/usr/bin/env bash
# `hostnet snapshot` of the P2-size cluster (5,000 nodes, 150,000 pods) through a fake API server over TLS on
# 127.0.0.1, against the same snapshot written on KubernetesClient.Aot's typed lists: wall time and peak RSS of each as
# a child process (GNU time). The report (Markdown) goes to standard output:
#   bench/run-snapshot.sh >> bench/RESULTS.md
# Extra arguments go to the benchmark (--nodes 500 for 1/10, --runs 3). Not run by CI: it takes minutes and ~3 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v /usr/bin/time >/dev/null || (apt-get install -y -qq time || (apt-get update -qq && apt-get install -y -qq time)) >&2

echo "building Release …" >&2
dotnet build src/Hostnet.Cli -c Release -warnaserror -v quiet -nologo >&2
dotnet build bench/Hostnet.SnapshotBench -c Release -warnaserror -v quiet -nologo >&2
dotnet bench/Hostnet.SnapshotBench/bin/Release/net10.0/Hostnet.SnapshotBench.dll \
  --cli src/Hostnet.Cli/bin/Release/net10.0/hostnet "$@"
