#!/usr/bin/env bash
# Starts a private Redmine (Debian's `redmine` + `redmine-sqlite` packages) for the tracker
# integration tests: its own SQLite database, REST API on, an admin and a second user with API
# keys, a project and a "Story points" custom field (./setup.rb), then WEBrick on 127.0.0.1:3300.
# Writes what the tests need to $REDMINE_ENV_FILE. Idempotent: when it already answers, it only
# re-checks the env file and returns.
#
# Debian's multi-tenancy (REDMINE_INSTANCE) is how one install runs several instances: an instance
# is /usr/share/redmine/instances/<name> (= /var/lib/redmine/<name>); ours is a link to $REDMINE_DIR
# so everything it writes (database, logs, secrets) stays under /tmp.
set -euo pipefail

REDMINE_DIR="${REDMINE_DIR:-/tmp/shellboard-redmine}"
REDMINE_ENV_FILE="${REDMINE_ENV_FILE:-/tmp/shellboard-redmine.env}"
REDMINE_PORT="${REDMINE_PORT:-3300}"
INSTANCE=shellboard-test
RAILS_ROOT=/usr/share/redmine
URL="http://127.0.0.1:${REDMINE_PORT}"
HERE="$(cd "$(dirname "$0")" && pwd)"
started=$SECONDS

say() { echo "redmine: $*"; }
die() { echo "redmine: FAILED: $*" >&2; exit 1; }

[ -x "$RAILS_ROOT/bin/rails" ] || die "Debian's redmine is not installed (apt-get install -y redmine redmine-sqlite)"

# An answer from the project list with the recorded admin key means it is up and set up.
answers() {
  [ -s "$REDMINE_ENV_FILE" ] || return 1
  local key
  key="$(sed -n 's/^TEST_REDMINE_KEY=//p' "$REDMINE_ENV_FILE")"
  curl -fsS -o /dev/null -m 5 -H "X-Redmine-API-Key: $key" "$URL/projects.json" 2>/dev/null
}
if answers; then
  say "already up at $URL ($REDMINE_ENV_FILE)"
  exit 0
fi

export REDMINE_INSTANCE="$INSTANCE" RAILS_ENV=production REDMINE_LANG=en
mkdir -p "$REDMINE_DIR"/{config,db,log,files,tmp/pids,tmp/cache,public/plugin_assets}
ln -sfnT "$REDMINE_DIR" "/var/lib/redmine/$INSTANCE" 2>/dev/null ||
  die "cannot link /var/lib/redmine/$INSTANCE to $REDMINE_DIR (run as root, as CI does)"

cat >"$REDMINE_DIR/config/database.yml" <<YAML
production:
  adapter: sqlite3
  database: $REDMINE_DIR/db/redmine.sqlite3
  encoding: utf8
  # WEBrick serves requests on threads; wait for SQLite's lock instead of failing
  timeout: 10000
YAML
[ -s "$REDMINE_DIR/config/secret_key.txt" ] || head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$REDMINE_DIR/config/secret_key.txt"

# A server left from an earlier run that no longer answers (or a stale pid file) is stopped.
pidfile="$REDMINE_DIR/tmp/pids/server.pid"
if [ -s "$pidfile" ]; then
  old="$(cat "$pidfile")"
  if kill -0 "$old" 2>/dev/null; then
    say "stopping unresponsive server $old"
    kill "$old" || true
    for _ in $(seq 1 50); do kill -0 "$old" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
fi

cd "$RAILS_ROOT"
t=$SECONDS
say "migrating $REDMINE_DIR/db/redmine.sqlite3"
bin/rake db:migrate >"$REDMINE_DIR/log/setup.log" 2>&1 ||
  { tail -n 30 "$REDMINE_DIR/log/setup.log" >&2; die "db:migrate (log: $REDMINE_DIR/log/setup.log)"; }
say "  took $((SECONDS - t)) s"

t=$SECONDS
say "default data (en), users, keys, project, custom field (scripts/redmine/setup.rb)"
SHELLBOARD_REDMINE_URL="$URL" SHELLBOARD_REDMINE_ENV="$REDMINE_ENV_FILE.tmp" \
  bin/rails runner "$HERE/setup.rb" >>"$REDMINE_DIR/log/setup.log" 2>&1 ||
  { tail -n 30 "$REDMINE_DIR/log/setup.log" >&2; die "setup.rb (log: $REDMINE_DIR/log/setup.log)"; }
say "  took $((SECONDS - t)) s"

t=$SECONDS
say "starting WEBrick on $URL (log: $REDMINE_DIR/log/server.log)"
# setsid: the server outlives this script and the CI step that started it. WEBrick is not in
# Debian's Gemfile (Bundler would refuse it); loaded before Bundler, Rails finds it.
RUBYOPT="${RUBYOPT:-} -rwebrick" setsid bin/rails server -u webrick -b 127.0.0.1 -p "$REDMINE_PORT" -e production -P "$pidfile" \
  >"$REDMINE_DIR/log/server.log" 2>&1 </dev/null &
server=$!
mv "$REDMINE_ENV_FILE.tmp" "$REDMINE_ENV_FILE"
for _ in $(seq 1 240); do
  if answers; then
    say "up at $URL in $((SECONDS - t)) s (all: $((SECONDS - started)) s); env: $REDMINE_ENV_FILE"
    exit 0
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
tail -n 30 "$REDMINE_DIR/log/server.log" >&2
die "the server did not answer $URL/projects.json"
