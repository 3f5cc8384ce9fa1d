#!/usr/bin/env bash
# Smoke test of a built Linux app-image: `info` must load an ND4J backend and print the backend
# doctor's line, and a tiny `train` must write a model file that `eval` then reads. Any failure
# exits non-zero, so a broken installer fails `./mvnw -B verify`.
#
#   packaging/check-app-image.sh target/installer-check/LatentExplorer
set -euo pipefail

IMAGE="${1:?usage: check-app-image.sh APP_IMAGE_DIR}"
LAUNCHER="$IMAGE/bin/LatentExplorer"
[ -x "$LAUNCHER" ] || { echo "check-app-image: no launcher at $LAUNCHER" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s)

fail() {
  echo "check-app-image: FAILED: $1" >&2
  [ -f "$WORK/out" ] && sed 's/^/  | /' "$WORK/out" >&2
  exit 1
}

"$LAUNCHER" info > "$WORK/out" 2>&1 || fail "'LatentExplorer info' exited $?"
grep -q '^ND4J backend: CpuBackend\|^ND4J backend: JCublasBackend' "$WORK/out" || fail "'info' loaded no ND4J backend"
grep -q '^Running on the CPU\|^GPU: ' "$WORK/out" || fail "'info' printed no backend doctor line"
head -1 "$WORK/out"

"$LAUNCHER" train --dataset dsprites --divergence jsg-dual --alpha 0.5 --limit 256 --epochs 1 --batch 64 --seed 1 \
  --out "$WORK/smoke.zip" > "$WORK/out" 2>&1 || fail "'LatentExplorer train' exited $?"
grep -q '^epoch 1/1 ' "$WORK/out" || fail "'train' printed no epoch line"
[ -s "$WORK/smoke.zip" ] || fail "'train' wrote no model file"
grep '^epoch 1/1 ' "$WORK/out"

"$LAUNCHER" eval --model "$WORK/smoke.zip" --limit 128 > "$WORK/out" 2>&1 || fail "'LatentExplorer eval' exited $?"
tail -1 "$WORK/out" | grep -Eq '^[0-9]+(\.[0-9]+)?$' || fail "'eval' printed no reconstruction error"

echo "check-app-image: OK: info, train (256 images, 1 epoch) and eval ran from $IMAGE in $(( $(date +%s) - start )) s"
