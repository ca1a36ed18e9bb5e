#!/usr/bin/env bash
# Installs (if missing), starts and stops the SQL engines of the engine tests (test/sql-engines/):
# PostgreSQL 15 and a two-shard ClickHouse 18.16 cluster, all as ordinary processes on loopback ports
# with their data under one temporary directory.
#
#   scripts/sql-engines.sh install   apt-get install postgresql-15 clickhouse-server if missing (root)
#   scripts/sql-engines.sh start     start them; prints the environment the tests read
#   scripts/sql-engines.sh stop      stop them and delete the data directory
#   scripts/sql-engines.sh test [args]  start, run `vitest --config vitest.engines.config.ts`, stop
#                                        (always); this is `npm run test:engines`
#
# Ports (override with the variables): PostgreSQL 55432 (SQL_PG_PORT), ClickHouse HTTP 58123 and
# 58124 (SQL_CH_HTTP_PORT, SQL_CH_HTTP_PORT2), native TCP 59000 and 59001 (SQL_CH_TCP_PORT,
# SQL_CH_TCP_PORT2), interserver 59009 and 59010 (SQL_CH_INTER_PORT, SQL_CH_INTER_PORT2). State (the data directory)
# is recorded in ${SQL_ENGINES_STATE:-/tmp/customer-metrics-sql-engines.state}.
set -euo pipefail

PG_PORT=${SQL_PG_PORT:-55432}
CH_HTTP1=${SQL_CH_HTTP_PORT:-58123}
CH_HTTP2=${SQL_CH_HTTP_PORT2:-58124}
CH_TCP1=${SQL_CH_TCP_PORT:-59000}
CH_TCP2=${SQL_CH_TCP_PORT2:-59001}
STATE=${SQL_ENGINES_STATE:-/tmp/customer-metrics-sql-engines.state}
PG_BIN=/usr/lib/postgresql/15/bin

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
  command -v clickhouse-server >/dev/null 2>&1 || missing+=(clickhouse-server)
  if [ ${#missing[@]} -eq 0 ]; then echo "sql-engines: postgresql-15 and clickhouse-server are installed"; return; fi
  if [ "$(id -u)" != 0 ]; then echo "sql-engines: ${missing[*]} missing and not root: install them with apt-get" >&2; exit 1; fi
  echo "sql-engines: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # The Debian packages start system services on install on some machines; ours run on own ports.
}

ch_config() { # dir http tcp interserver
  local dir=$1 http=$2 tcp=$3 inter=$4
  mkdir -p "$dir/data" "$dir/tmp" "$dir/log"
  cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <interserver_http_port>$inter</interserver_http_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <timezone>UTC</timezone>
  <mark_cache_size>67108864</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <remote_servers>
    <two_shards>
      <shard><replica><host>127.0.0.1</host><port>$CH_TCP1</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$CH_TCP2</port></replica></shard>
    </two_shards>
  </remote_servers>
</yandex>
XML
  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
}

wait_http() { # url
  for _ in $(seq 1 100); do
    if curl -fsS "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "sql-engines: $1 did not answer" >&2
  return 1
}

start() {
  install
  local dir
  dir=$(mktemp -d /tmp/customer-metrics-sql.XXXXXX)
  chmod 755 "$dir"
  echo "$dir" >"$STATE"
  # PostgreSQL: refuses to run as root, so its data directory belongs to postgres.
  mkdir -p "$dir/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir/pg"; fi
  as_postgres "$PG_BIN/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w -o "-p $PG_PORT -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  # ClickHouse: two servers, one shard each.
  ch_config "$dir/ch1" "$CH_HTTP1" "$CH_TCP1" "${SQL_CH_INTER_PORT:-59009}"
  ch_config "$dir/ch2" "$CH_HTTP2" "$CH_TCP2" "${SQL_CH_INTER_PORT2:-59010}"
  clickhouse-server --config-file="$dir/ch1/config.xml" --pid-file="$dir/ch1/pid" --daemon
  clickhouse-server --config-file="$dir/ch2/config.xml" --pid-file="$dir/ch2/pid" --daemon
  wait_http "http://127.0.0.1:$CH_HTTP1/ping"
  wait_http "http://127.0.0.1:$CH_HTTP2/ping"
  echo "sql-engines: started in $dir"
  echo "SQL_PG_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "SQL_CH_URL=http://127.0.0.1:$CH_HTTP1"
  echo "SQL_CH_URL2=http://127.0.0.1:$CH_HTTP2"
}

stop() {
  [ -f "$STATE" ] || { echo "sql-engines: nothing to stop"; return 0; }
  local dir
  dir=$(cat "$STATE")
  if [ -d "$dir/pg/data" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || true; fi
  for n in ch1 ch2; do
    if [ -f "$dir/$n/pid" ]; then
      local pid
      pid=$(cat "$dir/$n/pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
  done
  rm -rf "$dir" "$STATE"
  echo "sql-engines: stopped"
}

run_tests() {
  shift || true
  start >/tmp/customer-metrics-sql-engines.start.log
  trap stop EXIT
  export SQL_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export SQL_CH_URL="http://127.0.0.1:$CH_HTTP1"
  export SQL_CH_URL2="http://127.0.0.1:$CH_HTTP2"
  cd "$(dirname "$0")/.."
  npx vitest run --config vitest.engines.config.ts "$@"
}

case "${1:-}" in
  test) run_tests "$@" ;;
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
