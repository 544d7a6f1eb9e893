#!/usr/bin/env bash
# The README's two commands on a fresh machine: a clone of the committed HEAD on its own in a temporary folder (no
# ../shared beside it), empty NuGet caches (fresh NUGET_PACKAGES and HOME), a clean environment, and the build
# machines' local package folder hidden under an empty tmpfs in a private mount namespace. The README's first
# command must print what the bundled examples give, and the test command's restore and build must succeed.
# Run by test.sh as one test; it needs git, unshare and the NuGet feed, and removes everything it made.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
local_packages=/opt/nuget # the build machines' folder: restore must not need it

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clone=$work/alone/hostnet
mkdir -p "$work/home" "$work/packages" "$work/alone"
git clone --quiet --no-checkout "$repo" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
[ ! -e "$clone/../shared" ] || { echo "fresh-clone: $clone/../shared exists" >&2; exit 1; }

# The README's commands: the first two lines of its first sh block, without their comments.
readme_command() {
  awk '/^```sh$/ { block++; next } /^```/ { if (block == 1) exit } block == 1' "$clone/README.md" |
    sed -n "$1p" | sed 's/ *#.*$//'
}
check_command=$(readme_command 1)
test_command=$(readme_command 2)
[ "$test_command" = "./test.sh" ] || { echo "fresh-clone: the README's test command is '$test_command', not ./test.sh" >&2; exit 1; }

# In a private mount namespace (root, or a user namespace that maps us to root), with only what a fresh machine has:
# dotnet on the PATH. No MSBuild nodes or compiler server outlive the builds (nor are borrowed from this machine's).
unshare_options=(--mount --propagation private)
[ "$(id -u)" -eq 0 ] || unshare_options+=(--map-root-user)
fresh() {
  unshare "${unshare_options[@]}" env -i PATH="$PATH" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} \
    HOME="$work/home" NUGET_PACKAGES="$work/packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false \
    bash -c 'if [ -d "$0" ]; then mount -t tmpfs -o size=1m hidden "$0"; fi; cd "$1" && shift && eval "$@"' \
    "$local_packages" "$clone" "$@"
}

# What the bundled examples give: exit code 1 (some have errors), every file of examples/ read, nothing on standard
# error, and (below, once the test command built it) the same report as the Release build's.
status=0
fresh "$check_command" >"$work/check.out" 2>"$work/check.err" || status=$?
examples=$(find "$clone/examples" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | wc -l)
summary=$(tail -n 1 "$work/check.out")
if [ "$status" -ne 1 ] || [ -s "$work/check.err" ] || ! [[ $summary =~ ^$examples\ files,\ [0-9]+\ objects:\ [1-9][0-9]*\ errors?,\  ]]; then
  echo "fresh-clone: '$check_command' exited $status; expected 1 and a last line reporting $examples files with errors:" >&2
  cat "$work/check.out" "$work/check.err" >&2
  exit 1
fi
fresh "$test_command --build-only" >"$work/build.log" 2>&1 || {
  echo "fresh-clone: '$test_command --build-only' failed" >&2
  cat "$work/build.log" >&2
  exit 1
}
(cd "$clone" && dotnet src/Hostnet.Cli/bin/Release/net10.0/hostnet.dll check examples/ >"$work/release.out" 2>&1) || true
diff -u "$work/release.out" "$work/check.out" >&2 || {
  echo "fresh-clone: '$check_command' prints something else than the Release build" >&2
  exit 1
}
echo "fresh-clone: passed ($summary)"
