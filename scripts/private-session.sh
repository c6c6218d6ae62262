# Sourced by scripts/with-services and scripts/with-own-keychain, on a D-Bus session bus of
# their own (dbus-run-session). private_session DIR: XDG folders under DIR, so nothing touches
# the invoking user's settings or keyrings, and gnome-keyring's Secret Service on the bus with
# its login collection unlocked.
private_session() {
  local dir=$1
  export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"
  export XDG_RUNTIME_DIR="$dir/runtime"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  printf 'mcphub-ci-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
}
