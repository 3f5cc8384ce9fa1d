#!/usr/bin/env bash
# Builds the Latent Explorer installers with JDK 17's jpackage: a Linux app-image and, when
# dpkg-deb and fakeroot exist, a .deb. With --check, runs `info` and a tiny `train` from the image
# and fails when either does not work (CI runs this through `./mvnw -B verify`).
#
#   packaging/build-installer.sh [--type app-image|deb|all] [--dest DIR] [--skip-build] [--check]
#
# Defaults: --type all (app-image, plus .deb where possible), --dest target/installer.
# See packaging/README.md for Windows (.msi) and macOS (.dmg).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NAME=LatentExplorer
MAIN_JAR=latent-explorer.jar
MAIN_CLASS=org.latentexplorer.Launcher
# jdeps --print-module-deps -R over target/lib, plus jdk.crypto.ec for HTTPS downloads (MNIST).
# The JavaFX app will need its own additions here (e.g. jdk.jsobject for WebView).
MODULES="${LE_JLINK_MODULES:-java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.zipfs}"
# The heap may take 40% of the RAM; JavaCPP's off-heap limit for ND4J follows the heap limit.
# The demo models' folder inside the image is passed to the app as -Dlatentexplorer.models.
JAVA_OPTIONS=("${LE_JAVA_OPTIONS:--XX:MaxRAMPercentage=40}" "-Dlatentexplorer.models=\$APPDIR/models")

TYPE=all
DEST="$ROOT/target/installer"
SKIP_BUILD=false
CHECK=false
while [ $# -gt 0 ]; do
  case "$1" in
    --type) TYPE="$2"; shift 2 ;;
    --dest) DEST="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --check) CHECK=true; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build-installer: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$TYPE" in app-image|deb|all) ;; *) echo "build-installer: --type must be app-image, deb or all" >&2; exit 2 ;; esac

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
  JPACKAGE="$JAVA_HOME/bin/jpackage"
elif command -v jpackage >/dev/null 2>&1; then
  JPACKAGE="$(command -v jpackage)"
else
  echo "build-installer: jpackage not found: it comes with a full JDK 17 (set JAVA_HOME)" >&2
  exit 1
fi

cd "$ROOT"
if ! $SKIP_BUILD; then
  ./mvnw -B -q package -DskipTests
fi
if [ ! -f "target/$MAIN_JAR" ] || [ ! -d target/lib ]; then
  echo "build-installer: target/$MAIN_JAR or target/lib missing: run ./mvnw -B -q package -DskipTests" >&2
  exit 1
fi
# The main jar's manifest, read with the JDK's jar tool (unzip may not be installed).
JAR_TOOL="jar"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jar" ]; then JAR_TOOL="$JAVA_HOME/bin/jar"; fi
MANIFEST_DIR="$(mktemp -d)"
(cd "$MANIFEST_DIR" && "$JAR_TOOL" xf "$ROOT/target/$MAIN_JAR" META-INF/MANIFEST.MF)
MANIFEST="$(tr -d '\r' < "$MANIFEST_DIR/META-INF/MANIFEST.MF")"
rm -rf "$MANIFEST_DIR"
VERSION="$(printf '%s\n' "$MANIFEST" | sed -n 's/^Implementation-Version: *//p')"
VERSION="${VERSION:-0.1.0}"

# Stage exactly the jars the manifest's Class-Path names (stale jars in target/lib stay out), less
# the plain linux-x86_64 ND4J CPU build: on Linux x86-64 backend.NativeBuild always selects one
# of the three oneDNN builds, which stay.
STAGE="$DEST/input"
rm -rf "$STAGE" "$DEST/$NAME"
mkdir -p "$STAGE/lib"
cp "target/$MAIN_JAR" "$STAGE/"
CLASSPATH_ENTRIES="$(printf '%s\n' "$MANIFEST" \
  | awk '/^Class-Path:/{on=1; sub(/^Class-Path: /,""); printf "%s",$0; next} on && /^ /{sub(/^ /,""); printf "%s",$0; next} {on=0}')"
EXCLUDED=0
for entry in $CLASSPATH_ENTRIES; do
  jar="${entry#lib/}"
  case "$jar" in
    nd4j-native-[0-9]*-linux-x86_64.jar) EXCLUDED=$((EXCLUDED + 1)); continue ;;
  esac
  cp -l "target/lib/$jar" "$STAGE/lib/" 2>/dev/null || cp "target/lib/$jar" "$STAGE/lib/"
done
# The demo models travel with the app: $APPDIR/models, named by -Dlatentexplorer.models.
if ls "$ROOT"/models/*.zip >/dev/null 2>&1; then
  mkdir -p "$STAGE/models"
  cp "$ROOT"/models/*.zip "$ROOT"/models/README.md "$STAGE/models/"
fi
echo "build-installer: staged $(ls "$STAGE/lib" | wc -l) jars ($(du -sh "$STAGE" | cut -f1)), left out $EXCLUDED unused native build(s)"

ICON="$ROOT/assets/icon.png"
if [ ! -f "$ICON" ]; then
  java "$ROOT/packaging/MakeIcon.java" "$ICON"
fi

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "Latent Explorer"
        --description "Variational autoencoders with the skew geometric Jensen-Shannon divergence")
JAVA_OPTS_ARGS=()
for o in "${JAVA_OPTIONS[@]}"; do JAVA_OPTS_ARGS+=(--java-options "$o"); done
start=$(date +%s)
"$JPACKAGE" --type app-image "${COMMON[@]}" --dest "$DEST" \
  --input "$STAGE" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --icon "$ICON" "${JAVA_OPTS_ARGS[@]}" --add-modules "$MODULES" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands"
rm -rf "$STAGE"
echo "build-installer: app-image $DEST/$NAME ($(du -sh "$DEST/$NAME" | cut -f1)) in $(( $(date +%s) - start )) s"

if [ "$TYPE" != app-image ]; then
  if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
    start=$(date +%s)
    "$JPACKAGE" --type deb "${COMMON[@]}" --dest "$DEST" --app-image "$DEST/$NAME" \
      --linux-package-name latent-explorer --linux-app-category science --linux-shortcut \
      --linux-menu-group "Education;Science" --icon "$ICON"
    echo "build-installer: $(ls "$DEST"/*.deb) ($(du -sh "$DEST"/*.deb | cut -f1)) in $(( $(date +%s) - start )) s"
  elif [ "$TYPE" = deb ]; then
    echo "build-installer: a .deb needs dpkg-deb and fakeroot (apt-get install dpkg-dev fakeroot)" >&2
    exit 1
  else
    echo "build-installer: no dpkg-deb/fakeroot here: skipped the .deb"
  fi
fi

if $CHECK; then
  "$ROOT/packaging/check-app-image.sh" "$DEST/$NAME"
fi
