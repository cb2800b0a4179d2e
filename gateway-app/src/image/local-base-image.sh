#!/usr/bin/env bash
# Assembles a Java 25 base image without a registry: a jlink'ed runtime of the given JDK at /opt/java/openjdk, the
# glibc files it loads (found with ldd), a "nonroot" user 65532 and /tmp. Written as a 'docker save' tarball, which
# Jib takes as a base ('tar://'). It stands in for the release's base (docs/kubernetes.md) where no registry is
# reachable: the gateway-app build uses it for the image its tests start (GatewayImageJarTests).
#
# Usage: local-base-image.sh <jdk home> <output tar>
set -euo pipefail

jdk=$1
out=$2
modules=java.se,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.naming.dns,jdk.zipfs

if [ -s "$out" ] && [ "$out" -nt "$0" ] && [ "$out" -nt "$jdk/release" ]; then
	echo "Base image $out is up to date"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs"/opt/java "$rootfs"/etc "$rootfs"/tmp "$rootfs"/home/nonroot
chmod 1777 "$rootfs"/tmp

"$jdk"/bin/jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
	--output "$rootfs"/opt/java/openjdk

# The shared libraries the runtime loads, at the paths ldd resolves them to, and the dynamic loader.
find "$rootfs"/opt/java/openjdk -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
	| xargs -0 ldd 2>/dev/null \
	| grep -o '/[^ ]*\.so[^ ]*' \
	| grep -v "^$rootfs" \
	| sort -u \
	| while read -r library; do
		mkdir -p "$rootfs$(dirname "$library")"
		cp -L "$library" "$rootfs$library"
	done

cat > "$rootfs"/etc/passwd <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$rootfs"/etc/group <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP

image=$work/image
mkdir -p "$image"
tar --sort=name --mtime='@0' --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf "$image"/layer.tar .
diff_id=sha256:$(sha256sum "$image"/layer.tar | cut -d' ' -f1)
version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk"/release)
cat > "$image"/config.json <<CONFIG
{
  "architecture": "amd64",
  "os": "linux",
  "config": {
    "Env": [
      "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=/opt/java/openjdk",
      "JAVA_VERSION=$version",
      "LANG=C.UTF-8"
    ],
    "User": "65532:65532",
    "WorkingDir": "/home/nonroot"
  },
  "rootfs": { "type": "layers", "diff_ids": [ "$diff_id" ] },
  "history": [ { "created_by": "local-base-image.sh: jlink $modules of Java $version" } ]
}
CONFIG
cat > "$image"/manifest.json <<'MANIFEST'
[ { "Config": "config.json", "RepoTags": [ "edge-gateway-local-base:java25" ], "Layers": [ "layer.tar" ] } ]
MANIFEST
mkdir -p "$(dirname "$out")"
tar -C "$image" -cf "$out" manifest.json config.json layer.tar
echo "Base image $out: Java $version ($modules), $(du -h "$out" | cut -f1)"
