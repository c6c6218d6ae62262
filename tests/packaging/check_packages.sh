#!/usr/bin/env bash
# check_packages.sh PKG_DIR SCREENSHOT_DIR FIXTURE VERSION
# The Linux packages as an administrator gets them: the .deb installed with apt-get (so its
# dependencies resolve), run from /usr, checked with lintian, desktop-file-validate and
# appstreamcli, then removed leaving nothing behind; the .rpm's files and dependencies; the
# .tar.gz unpacked into a temporary prefix and run from there. Needs root (or sudo -n).
set -euo pipefail
pkgdir=$1 shots=$2 fixture=$3 version=$4
mkdir -p "$shots"
fail() { echo "check_packages: $*" >&2; exit 1; }
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || fail "installing the .deb needs root or passwordless sudo"
  sudo=(sudo -n)
fi
deb=$(ls "$pkgdir"/*.deb) || fail "no .deb in $pkgdir"
tgz=$(ls "$pkgdir"/*.tar.gz) || fail "no .tar.gz in $pkgdir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Private settings, data and runtime folders: nothing of the invoking user's is touched.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# Runs an installed or unpacked console and CLI: version, validate, screenshots (window and
# Qt's standard file dialog in Chinese), and Qt's own strings translated.
check_run() { # BIN_DIR NAME
  local bin=$1 name=$2 out
  out=$("$bin/mcphub-adminctl" --version) || fail "$name: mcphub-adminctl --version failed"
  [[ $out == *"$version"* ]] || fail "$name: --version says '$out', not $version"
  "$bin/mcphub-adminctl" validate "$fixture" >/dev/null || fail "$name: validate $fixture failed"
  "$bin/mcphub-admin" --screenshot "$shots/$name-window-zh_CN.png" --lang zh_CN --tab users \
    || fail "$name: the console's screenshot failed"
  "$bin/mcphub-admin" --screenshot "$shots/$name-file-dialog-zh_CN.png" --lang zh_CN \
    --dialog open-settings || fail "$name: the file dialog's screenshot failed"
  for png in "$shots/$name-window-zh_CN.png" "$shots/$name-file-dialog-zh_CN.png"; do
    [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
  done
  # QCommandLineParser's own help line comes from qtbase_zh_CN.qm, not from our translation.
  out=$("$bin/mcphub-admin" --help --lang zh_CN) || fail "$name: --help failed"
  [[ $out == *"显示"* && $out != *"Displays help on commandline options"* ]] \
    || fail "$name: Qt's own strings are not in Chinese:\n$out"
}

# --- .deb -------------------------------------------------------------------------------
if dpkg-query -W -f='${db:Status-Status}' mcphub-admin 2>/dev/null | grep -qx installed; then
  "${sudo[@]}" apt-get remove --purge -y -qq mcphub-admin >/dev/null
fi
lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 \
  || { cat "$work/lintian.txt" >&2; fail "lintian found errors in $(basename "$deb")"; }
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "$(realpath "$deb")" >"$work/apt.txt" 2>&1 || { cat "$work/apt.txt" >&2; fail "apt-get install failed"; }
cleanup_deb() { "${sudo[@]}" apt-get remove --purge -y -qq mcphub-admin >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup_deb EXIT
[ "$(command -v mcphub-adminctl)" = /usr/bin/mcphub-adminctl ] || fail "mcphub-adminctl is not on PATH after install"
check_run /usr/bin deb
desktop-file-validate /usr/share/applications/mcphub-admin.desktop || fail "desktop-file-validate"
metainfo=$(ls /usr/share/metainfo/*.metainfo.xml | head -n 1)
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate $metainfo"
for size in 16 22 24 32 48 64 128 256 512; do
  icon=/usr/share/icons/hicolor/${size}x${size}/apps/mcphub-admin.png
  [ -f "$icon" ] || fail "$icon missing"
  file "$icon" | grep -q "$size x $size" || fail "$icon is not ${size}x${size}: $(file "$icon")"
done
[ -f /usr/share/icons/hicolor/scalable/apps/mcphub-admin.svg ] || fail "scalable icon missing"
[ -f /usr/share/mcphub-admin/translations/qtbase_zh_CN.qm ] || fail "qtbase_zh_CN.qm not installed"
dpkg-deb -c "$deb" | awk '{print substr($6, 2)}' | grep -v '/$' >"$work/files.txt"
"${sudo[@]}" apt-get remove --purge -y -qq mcphub-admin >/dev/null || fail "apt-get remove failed"
left=$(while read -r f; do [ -e "$f" ] && echo "$f"; done <"$work/files.txt" || true)
[ -z "$left" ] || fail "left behind after removal: $left"
[ ! -e /usr/share/mcphub-admin ] && [ ! -e /usr/share/doc/mcphub-admin ] || fail "folders left behind"
trap 'rm -rf "$work"' EXIT
echo "check_packages: .deb installed, run, validated and removed cleanly"

# --- .rpm (rpm cannot install into a Debian system: its contents and dependencies) --------
if command -v rpmbuild >/dev/null 2>&1; then
  rpm=$(ls "$pkgdir"/*.rpm) || fail "rpmbuild exists but no .rpm was built"
  rpm -qlp "$rpm" 2>/dev/null >"$work/rpm-files.txt"
  for f in /usr/bin/mcphub-admin /usr/bin/mcphub-adminctl /usr/share/applications/mcphub-admin.desktop \
           /usr/share/icons/hicolor/512x512/apps/mcphub-admin.png /usr/share/mcphub-admin/translations/qtbase_zh_CN.qm; do
    grep -qx "$f" "$work/rpm-files.txt" || fail "$f missing from the .rpm"
  done
  rpm -qpR "$rpm" 2>/dev/null >"$work/rpm-requires.txt"
  for dep in 'libQt6Core.so.6' 'libQt6Widgets.so.6' 'libQt6Sql.so.6' 'qt6-qtbase-postgresql' 'libsecret'; do
    grep -q "$dep" "$work/rpm-requires.txt" || fail ".rpm does not require $dep: $(cat "$work/rpm-requires.txt")"
  done
  echo "check_packages: .rpm holds every file and names its dependencies"
fi

# --- .tar.gz ------------------------------------------------------------------------------
mkdir -p "$work/prefix"
tar -xzf "$tgz" -C "$work/prefix" --strip-components=1
check_run "$work/prefix/bin" tgz
echo "check_packages: .tar.gz runs from $work/prefix"
