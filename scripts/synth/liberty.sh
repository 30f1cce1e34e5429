#!/usr/bin/env bash
# Unpacks the osu018 standard-cell library (180 nm, Oklahoma State University cells as shipped by Debian's
# qflow-tech-osu018 package) into DIR without installing qflow: apt-get download + dpkg -x.
#   scripts/synth/liberty.sh DIR      -> DIR/osu018_stdcells.lib (and .v, .lef)
set -euo pipefail
dir=$1
lib="$dir/osu018_stdcells.lib"
[ -s "$lib" ] && exit 0
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && apt-get download qflow-tech-osu018 >download.log 2>&1 ) || {
  echo "liberty: 'apt-get download qflow-tech-osu018' failed (needs Debian's package lists: apt-get update):" >&2
  tail -n 5 "$work/download.log" >&2
  exit 1
}
dpkg -x "$work"/qflow-tech-osu018_*.deb "$work/x"
cp "$work"/x/usr/share/qflow/tech/osu018/osu018_stdcells.{lib,v,lef} "$dir/"
echo "liberty: $lib"
