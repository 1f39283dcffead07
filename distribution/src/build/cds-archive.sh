#!/usr/bin/env bash
# Adds the class-data archive (lib/ringlet.jsa, ADR 0146) to the distribution tarball: unpacks the tarball, runs
# `bin/ringlet cds-archive` in it (two short training starts of a node on a temporary data directory with free
# ports, then a static archive dump) and packs it again. The archive is only usable where the Java runtime is the
# one the build ran with (the launcher checks, and `bin/ringlet cds-archive` makes a new one); when making it fails,
# the tarball stays as it was, without an archive, and nodes start without one.
#
#   cds-archive.sh TARBALL        (the build passes JAVA_HOME: the runtime Maven runs on)
set -euo pipefail
tarball="$1"
work="$(dirname "$tarball")/cds-archive"
rm -rf "$work"
mkdir -p "$work"
tar -xzf "$tarball" -C "$work"
name="$(basename "$tarball" .tar.gz)"
if ! "$work/$name/bin/ringlet" cds-archive; then
  echo "WARNING: no class-data archive in $tarball (see above); nodes from it start without one" >&2
  rm -rf "$work"
  exit 0
fi
tar -C "$work" -czf "$tarball.tmp" --owner=0 --group=0 --numeric-owner "$name"
mv "$tarball.tmp" "$tarball"
rm -rf "$work"
