#!/usr/bin/env bash
# Makes the Krew release of the kubectl plugin from the NativeAOT binary:
#   plugins/release.sh HOSTNET_BINARY OUT_DIR
# writes OUT_DIR/hostnet_linux_amd64.tar.gz (hostnet and README.md, reproducible: fixed order, owner and times) and
# OUT_DIR/hostnet.yaml, plugins/hostnet.yaml with the version of Directory.Build.props and the archive's sha256.
# Upload the archive to the release its uri names and submit the manifest to krew-index; before that, try it with
#   kubectl krew install --manifest=OUT_DIR/hostnet.yaml --archive=OUT_DIR/hostnet_linux_amd64.tar.gz
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath "$1")
out=$(realpath -m "$2")
version=v$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -m 0755 "$binary" "$stage/hostnet"
install -m 0644 "$root/README.md" "$stage/README.md"
mkdir -p "$out"
archive="$out/hostnet_linux_amd64.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -cf - hostnet README.md | gzip -n >"$archive"

sha=$(sha256sum "$archive" | cut -d' ' -f1)
sed -e "s|^  version: .*|  version: $version|" \
    -e "s|/releases/download/[^/]*/|/releases/download/$version/|" \
    -e "s|^      sha256: .*|      sha256: $sha|" \
    "$root/plugins/hostnet.yaml" >"$out/hostnet.yaml"
echo "$archive $sha" >&2
