#!/usr/bin/env bash
# Runs Omnirec end to end on this machine; see README.md. Pass --once to stop after the sample recommend call.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v node >/dev/null || { echo "Node.js 20 is required (for the DynamoDB emulator)" >&2; exit 1; }
[ -f node_modules/dynalite/cli.js ] || npm ci --no-audit --no-fund
./mvnw -q -B package -DskipTests
exec java -cp "infra/local/target/classes:$(cat infra/local/target/classpath.txt)" io.omnirec.local.OmnirecLocal "$@"
