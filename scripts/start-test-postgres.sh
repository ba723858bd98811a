#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the test suite, installing Debian's package when it
# is missing. Prints the server's SQLAlchemy URL on stdout, or exits non-zero (the PostgreSQL
# tests then skip with a reason). Usage: url=$(scripts/start-test-postgres.sh DIR PORT)
set -u
dir=${1:?data folder}
port=${2:-54330}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then exit 1; fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
    >"$dir.install.log" 2>&1 || exit 1
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
mkdir -p "$dir"
run() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; su postgres -c "$*"; else sh -c "$*"; fi; }
run "$bin/initdb -D $dir/db -A trust -U postgres" >/dev/null 2>&1 || exit 1
run "$bin/pg_ctl -D $dir/db -o '-p $port -k $dir -c listen_addresses=127.0.0.1' -l $dir/log -w start" \
  >/dev/null 2>&1 || exit 1
echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
