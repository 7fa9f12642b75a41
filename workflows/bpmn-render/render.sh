#!/usr/bin/env bash
# Renders a BPMN model to SVG beside it, as the modeler shows it: bpmn-js (npm) in headless Chromium.
#
#   workflows/bpmn-render/render.sh workflows/src/main/resources/bpmn/deprovisioning/deprovisioning.bpmn
#
# Needs node/npm (bpmn-js is installed into a cache directory on first use) and Debian's chromium.
# Writes <model>.svg; exits non-zero when the model does not import (the page reports why).
set -euo pipefail

bpmn=$(realpath "$1")
svg="${bpmn%.bpmn}.svg"
here=$(dirname "$(realpath "$0")")
cache="${BPMN_RENDER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/trunkguard-bpmn-render}"
version=17.11.1

if [ ! -f "$cache/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm install --no-audit --no-fund --silent "bpmn-js@$version")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$cache/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js" "$work/viewer.js"
python3 - "$bpmn" "$here/render.html" "$work/page.html" <<'PY'
import json, sys
model = open(sys.argv[1], encoding="utf-8").read()
page = open(sys.argv[2], encoding="utf-8").read()
open(sys.argv[3], "w", encoding="utf-8").write(page.replace("/*MODEL*/null", json.dumps(model)))
PY
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --virtual-time-budget=30000 \
  --dump-dom "file://$work/page.html" 2>/dev/null >"$work/dom.html"
python3 - "$work/dom.html" "$svg" <<'PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
error = re.search(r'<pre id="error">(.*?)</pre>', dom, re.S)
if error and error.group(1).strip():
    sys.exit("bpmn-js could not render the model: " + html.unescape(error.group(1)))
out = re.search(r'<pre id="svg">(.*?)</pre>', dom, re.S)
svg = html.unescape(out.group(1)).strip() if out else ""
if "<svg" not in svg:
    sys.exit("no SVG came back from the page")
open(sys.argv[2], "w", encoding="utf-8").write(svg + "\n")
PY
echo "wrote $svg"
