#!/usr/bin/env bash
# Installs what the VS Code suite needs on this machine, once (it is idempotent and quick when
# everything is there): Debian's Chromium, the headers code-server's native modules build
# against, Debian's ripgrep, and code-server itself in test/vscode/code-server/.
#
# These machines reach only the npm registry and Debian's packages, so two downloads that
# code-server's install would make from GitHub are served locally instead: the ripgrep binary
# (from Debian's package, packed where @vscode/ripgrep looks for its download cache) and the
# kerberos addon (built from source against libkrb5-dev).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -x "$here/code-server/node_modules/.bin/code-server" ]; then
  exit 0
fi

# @vscode/ripgrep 1.15.11 (pinned by code-server's shrinkwrap) wants ripgrep v13.0.0-10.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache" "$tmp/rg"
cp "$(command -v rg)" "$tmp/rg/rg"
tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg

echo "Installing code-server into test/vscode/code-server (about a minute)"
cd "$here/code-server"
# code-server's postinstall refuses root without unsafe-perm, runs `npx node-gyp` (which asks
# unless yes=true), and misreads the Node version from npm's user agent.
env -u npm_config_user_agent TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
  npm ci --no-audit --no-fund --foreground-scripts >"$tmp/install.log" 2>&1 || {
  tail -40 "$tmp/install.log" >&2
  exit 1
}
