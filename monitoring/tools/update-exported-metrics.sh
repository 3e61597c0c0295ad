#!/usr/bin/env bash
# Replaces the scraped block of monitoring/exported-metrics.txt with the metric names a real
# Prometheus stored while scraping the local stack, keeping the header and the hand-added block.
# The names come from PlatformEndToEndIT's real-Prometheus test, which writes them to
# local-stack/target/exported-metrics-scraped.txt:
#   mvn -B -pl local-stack verify -Dit.test=PlatformEndToEndIT   (after installing the services)
#   monitoring/tools/update-exported-metrics.sh
# Prometheus' own series (up, scrape_*) are left out, except `up`, which the alerts use (hand-added).
set -euo pipefail
cd "$(dirname "$0")/../.."
scraped=${1:-local-stack/target/exported-metrics-scraped.txt}
list=monitoring/exported-metrics.txt
[ -s "$scraped" ] || { echo "$scraped is missing or empty: run the real-Prometheus end-to-end test first"; exit 1; }
tmp=$(mktemp)
sed '/^# --- scraped ---$/q' "$list" >"$tmp"
grep -vE '^(up|scrape_.*)$' "$scraped" | sort -u >>"$tmp"
sed -n '/^# --- added by hand ---$/,$p' "$list" >>"$tmp"
mv "$tmp" "$list"
echo "$list: $(grep -cvE '^(#|$)' "$list") names"
