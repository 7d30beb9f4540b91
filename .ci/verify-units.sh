#!/usr/bin/env bash
# systemd-analyze verify on the release archive's service and timer units, as shipped: the archive is
# unpacked under a scratch root at /opt/codecred (where the units expect it) beside the system's own
# units, and verify runs with --root there, so nothing is installed on this machine. Any complaint,
# a warning included, fails.
set -euo pipefail
archive=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/opt/codecred" "$root/etc/systemd/system" "$root/usr/lib/systemd"
tar xzf "$archive" --strip-components=1 -C "$root/opt/codecred"
cp -r /usr/lib/systemd/system "$root/usr/lib/systemd/"
cp "$root"/opt/codecred/systemd/codecred-month.service "$root"/opt/codecred/systemd/codecred-month.timer "$root/etc/systemd/system/"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --root="$root" codecred-month.service codecred-month.timer 2>&1) || {
  echo "$out"; exit 1; }
if [ -n "$out" ]; then
  echo "systemd-analyze verify complained:"; echo "$out"; exit 1
fi
echo "systemd-analyze verify: codecred-month.service and codecred-month.timer pass"
