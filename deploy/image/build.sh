#!/usr/bin/env bash
# Builds the hostnet image from deploy/image/Containerfile without pulling anything, on a base assembled from this
# machine's files: only the shared libraries the binary needs,
#   - those ldd names (the C library, libm, the dynamic loader …),
#   - OpenSSL's libssl and libcrypto, which .NET opens at run time (dlopen) for TLS, so ldd cannot see them.
# No CA certificates (the webhook makes no outgoing TLS connection; snapshot and audit take the cluster's CA from the
# kubeconfig) and no time zone data (hostnet prints UTC).
#   deploy/image/build.sh HOSTNET_BINARY [IMAGE]          IMAGE defaults to ghcr.io/hostnet-dev/hostnet:<version>
# BUILDAH is the command with its global options, e.g. BUILDAH="buildah --root DIR --runroot DIR --storage-driver vfs".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "$1")
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$here/../../Directory.Build.props")
image=${2:-ghcr.io/hostnet-dev/hostnet:$version}
read -r -a buildah <<<"${BUILDAH:-buildah}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
libraries() {
  ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}'
  for name in libssl.so.3 libcrypto.so.3; do
    ldconfig -p | awk -v name="$name" '$1 == name && /x86-64/ {print $NF; exit}'
  done
}
libraries | sort -u | while read -r library; do
  [ -n "$library" ] || continue
  mkdir -p "$work/rootfs$(dirname "$library")"
  cp -L "$library" "$work/rootfs$library"
done
[ -e "$work/rootfs/lib64/ld-linux-x86-64.so.2" ] || { echo "build.sh: ldd named no dynamic loader for $binary" >&2; exit 1; }
[ -n "$(find "$work/rootfs" -name 'libssl.so.3')" ] || { echo "build.sh: libssl.so.3 not found (apt-get install libssl3)" >&2; exit 1; }

base=localhost/hostnet-base:$version
container=$("${buildah[@]}" from scratch)
"${buildah[@]}" copy "$container" "$work/rootfs" / >/dev/null
"${buildah[@]}" commit --rm --quiet "$container" "$base" >/dev/null

mkdir "$work/context"
install -m 0755 "$binary" "$work/context/hostnet"
"${buildah[@]}" bud --quiet --pull-never --build-arg "BASE=$base" -f "$here/Containerfile" -t "$image" "$work/context"
