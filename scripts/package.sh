#!/usr/bin/env bash
# The main job: builds the extension, packages it as a .vsix, and runs the command-line checker
# on the shipped examples (a clean Worker that must pass, a broken one that must fail).
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
# The README's screenshots are relative links; the package keeps them as they are.
npx vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links \
  --out wrangler-bindings.vsix

echo
echo "== wrangler-bindings check examples/worker/wrangler.toml (expected: no problem)"
node dist/cli.js check examples/worker/wrangler.toml

echo
echo "== wrangler-bindings check examples/broken/wrangler.toml (expected: errors, exit 1)"
status=0
node dist/cli.js check examples/broken/wrangler.toml || status=$?
if [ "$status" -ne 1 ]; then
  echo "expected exit code 1 from the broken example, got $status" >&2
  exit 1
fi
echo
echo "Packaged wrangler-bindings.vsix; the checker found the broken example's mistakes."
