#!/usr/bin/env bash
# Serve zou_api on a fresh embedded database, as the conformance harness's --reset command.
# usage: tools/serve_fresh.sh PORT [DATA_DIR]
# Admin: admin@example.com / mysecretpassword (the harness logs in with it).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-5600}
DATA=${2:-/tmp/zou-api-fresh-$PORT}
if [ -f "$DATA.pid" ]; then
  old=$(cat "$DATA.pid"); kill "$old" 2>/dev/null || true
  for i in $(seq 50); do kill -0 "$old" 2>/dev/null || break; sleep 0.1; done
fi
rm -rf "$DATA"; mkdir -p "$DATA"
ZOU_DATA_DIR="$DATA" ZOU_ADMIN_EMAIL=admin@example.com ZOU_ADMIN_PASSWORD=mysecretpassword \
  setsid .venv/bin/zou-api serve --port "$PORT" > "$DATA.log" 2>&1 &
echo $! > "$DATA.pid"
for i in $(seq 200); do curl -sf "127.0.0.1:$PORT/" >/dev/null && { echo "zou_api on 127.0.0.1:$PORT data=$DATA"; exit 0; }; sleep 0.1; done
echo "zou_api did not start; see $DATA.log"; exit 1
