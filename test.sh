#!/usr/bin/env bash
# The README's test command: install the system tools the tests need when they are missing, restore, build with
# warnings as errors, run every test (the .NET test projects, then the script tests under tests/scripts/), and end
# with the totals as one line "N passed, N failed". Exits non-zero on any failure.
#
#   ./test.sh               everything (what .ci/run runs)
#   ./test.sh --build-only  the tools, restore and build, no tests (the fresh-clone test runs this part)
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build_only=false
case "${1:-}" in
  "") ;;
  --build-only) build_only=true ;;
  *) echo "usage: ./test.sh [--build-only]" >&2; exit 2 ;;
esac

# System tools the tests call, one row each: the Debian package that provides it, then a command that runs the tool
# (not merely finds it). A test never skips for a missing tool: it fails, so they must be here.
missing=()
need() {
  local package=$1
  shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
check_tools() {
  missing=()
  need python3-jsonschema /usr/bin/python3 -c 'import jsonschema.validators' # SARIF against the official schema
  need prometheus promtool --version                                         # the webhook's /metrics
  need chromium /usr/bin/chromium --version                                  # the audit's HTML report
  need iproute2 ss --version                                                 # the agent's and bench's namespaces (ip netns, ss -Htlnp)
  need git git --version                                                     # fresh-clone.sh, fix --diff through git apply
  need kubectl kubectl version --client                                      # kubectl hostnet, kubectl kustomize
  need buildah buildah --version                                             # the container image, built from scratch
  need podman podman --version                                               # runs hostnet inside that image
  need runc runc --version                                                   # podman's runtime in this sandbox (docs/install.md)
  need zsh zsh --version                                                     # hostnet completion zsh, run in real zsh
  need fish fish --version                                                   # hostnet completion fish, run in real fish
  need curl curl --version                                                   # the image's /healthz, asked from outside
  need gcc gcc --version                                                     # links the NativeAOT binary of the .NET tool
  need iperf3 iperf3 --version                                               # hostnet bench against plain iperf3
  need iptables iptables-save --version                                      # the bench's service datapath (kube-proxy's DNAT)
  need conntrack conntrack --version                                         # the bench's service datapath (conntrack)
}

check_tools
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: missing ${missing[*]} (Debian package names): install them with your package manager and run again" >&2
    exit 1
  fi
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "test.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >/dev/null &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  check_tools
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: could not install ${missing[*]}" >&2
    exit 1
  fi
fi

dotnet restore hostnet.sln || exit 1
dotnet build hostnet.sln -c Release --no-restore -warnaserror || exit 1
$build_only && exit 0

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The engines' throughput agreement (AgreementTests) runs alone after the others: the test assemblies run in
# parallel, and a pinned engine cannot move off a core that another assembly's build keeps busy.
agreement='FullyQualifiedName~Hostnet.NetBench.Tests.Real.AgreementTests'
dotnet test hostnet.sln -c Release --no-build --filter "${agreement/\~/!~}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test tests/Hostnet.NetBench.Tests -c Release --no-build --filter "$agreement" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# A test run that crashed or found nothing to run is a failure even when no test reported one.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] || [ "$passed" -eq 0 ]; then
  failed=$((failed + 1))
fi

# Script tests: each tests/scripts/*.sh is one test, passed when it exits 0.
for script in tests/scripts/*.sh; do
  [ -e "$script" ] || continue
  echo "--- $script" >&2
  if bash "$script"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $script" >&2
    failed=$((failed + 1))
  fi
done

totals="${passed} passed, ${failed} failed"
[ "$skipped" -eq 0 ] || totals+=", ${skipped} skipped"
echo "$totals"
[ "$failed" -eq 0 ]
