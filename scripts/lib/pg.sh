# shellcheck shell=bash
# Shared helpers for scripts/run and scripts/test: a private PostgreSQL cluster per checkout.
#
# Sourced, not executed. The caller sets `set -euo pipefail` and RT_ROOT (the repository root).
#
# Public functions:
#   rt_log / rt_warn / rt_die           messages on stderr, prefixed with the script name
#   rt_port_busy PORT                   true when something listens on TCP PORT
#   rt_port_owner PORT                  best-effort description of who listens on PORT
#   rt_apt_install PKG...               apt-get update && apt-get install (sudo when needed)
#   rt_pg_setup NAME PORT DB FAST       create/start/reuse .data/NAME, create role + DB,
#                                       export ConnectionStrings__Default
#   rt_pg_stop_if_started               stop the cluster only when rt_pg_setup started it
#   rt_pg_stop NAME                     stop the cluster in .data/NAME if it runs
#
# When ConnectionStrings__Default is already set, rt_pg_setup does nothing at all: the caller
# brings its own database (CI service container, a shared server, ...).

RT_SCRIPT_NAME=${RT_SCRIPT_NAME:-$(basename "$0")}
RT_PG_ROLE=resolutiontracker
RT_PG_PASSWORD=resolutiontracker
RT_PG_STARTED=0   # 1 once rt_pg_setup has started a cluster that we must stop again

rt_log()  { printf '%s: %s\n' "$RT_SCRIPT_NAME" "$*" >&2; }
rt_warn() { printf '%s: warning: %s\n' "$RT_SCRIPT_NAME" "$*" >&2; }
rt_die()  { printf '%s: error: %s\n' "$RT_SCRIPT_NAME" "$*" >&2; exit 1; }

rt_is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as root: directly when we are root, else through sudo when it exists.
rt_as_root() {
  if rt_is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    rt_die "need root to run '$*' and sudo is not installed; install it yourself and rerun"
  fi
}

rt_apt_install() {
  command -v apt-get >/dev/null 2>&1 \
    || rt_die "apt-get not found: install $* with your package manager and rerun"
  rt_log "installing $* with apt-get (needs network; takes a little while)"
  rt_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  rt_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# --- ports ---------------------------------------------------------------------------------

rt_port_busy() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    # Any listener on any address (0.0.0.0, 127.0.0.1, ::) counts.
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
  else
    # Fallback without iproute2: try to connect (bash's /dev/tcp), on IPv4 loopback only.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") >/dev/null 2>&1
  fi
}

rt_port_owner() {
  local port=$1 out=""
  if command -v ss >/dev/null 2>&1; then
    # -p shows the process only for our own processes (or everything as root).
    # ss prints users:(("python3",pid=123,fd=3)); keep "python3 (pid 123)".
    out=$(ss -Hltnp "sport = :$port" 2>/dev/null \
          | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n1)
  fi
  printf '%s' "${out:-unknown process}"
}

# --- binaries ------------------------------------------------------------------------------

# Sets PGBIN to the folder holding initdb, pg_ctl and psql. Installs PostgreSQL when missing.
rt_pg_find_bin() {
  local d newest=""
  # Debian/Ubuntu layout: /usr/lib/postgresql/<major>/bin; take the newest major version.
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb ]] || continue
    if [[ -z $newest ]] || (( $(basename "$(dirname "$d")" | cut -d. -f1) > \
                              $(basename "$(dirname "$newest")" | cut -d. -f1) )); then
      newest=$d
    fi
  done
  if [[ -n $newest ]]; then PGBIN=$newest; return 0; fi
  if command -v pg_config >/dev/null 2>&1 && [[ -x $(pg_config --bindir)/initdb ]]; then
    PGBIN=$(pg_config --bindir); return 0
  fi
  if command -v initdb >/dev/null 2>&1; then
    PGBIN=$(dirname "$(command -v initdb)"); return 0
  fi
  return 1
}

rt_pg_ensure_bin() {
  if ! rt_pg_find_bin; then
    rt_log "PostgreSQL server binaries (initdb) not found"
    rt_apt_install postgresql
    rt_pg_find_bin || rt_die "PostgreSQL installed but initdb still not found"
  fi
  [[ -x $PGBIN/pg_ctl && -x $PGBIN/psql ]] || rt_die "pg_ctl/psql missing next to $PGBIN/initdb"
}

# --- cluster -------------------------------------------------------------------------------

# initdb and pg_ctl refuse to run as root: as root, run them as the postgres user.
rt_pg_as_owner() {
  if rt_is_root; then
    # From / because postgres may not be allowed into the current folder (all paths are absolute).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

rt_psql() {
  # -X: ignore ~/.psqlrc; trust authentication on 127.0.0.1 (initdb -A trust).
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$RT_PG_PORT" -U postgres -d postgres "$@"
}

# The data directory of whatever PostgreSQL answers on RT_PG_PORT (empty when none/unreachable).
rt_pg_port_datadir() {
  PGCONNECT_TIMEOUT=3 rt_psql -At -c 'show data_directory' 2>/dev/null || true
}

# Sets RT_PG_DIR (cluster folder), RT_PG_DATA, RT_PG_SOCK, RT_PG_LOG for cluster NAME.
rt_pg_paths() {
  local name=$1 hash
  hash=$(printf '%s' "$RT_ROOT" | cksum | cut -d' ' -f1)
  RT_PG_DIR=$RT_ROOT/.data/$name
  if rt_is_root; then
    # The cluster runs as "postgres", which must be able to reach the folder. A checkout under
    # /root (mode 700) is not reachable: keep the cluster in /var/tmp instead.
    mkdir -p "$RT_ROOT/.data"
    if ! runuser -u postgres -- test -x "$RT_ROOT/.data"; then
      RT_PG_DIR=/var/tmp/rt-$hash/$name
      rt_log "user postgres cannot reach $RT_ROOT/.data; keeping cluster '$name' in $RT_PG_DIR"
    fi
  fi
  RT_PG_DATA=$RT_PG_DIR/data
  RT_PG_LOG=$RT_PG_DIR/server.log
  RT_PG_SOCK=$RT_PG_DIR/sock
  # A Unix socket path ("<dir>/.s.PGSQL.<port>") may not exceed 107 bytes: deep checkouts get a
  # short socket folder in /tmp instead. We connect over TCP anyway; the socket is for pg_ctl.
  if (( ${#RT_PG_SOCK} + ${#RT_PG_PORT} + 11 > 107 )); then
    RT_PG_SOCK=/tmp/rt-$hash-$name
  fi
}

# Ensure the folders exist and belong to the user the cluster runs as.
rt_pg_prepare_dirs() {
  mkdir -p "$RT_PG_DIR" "$RT_PG_SOCK"
  chmod 700 "$RT_PG_SOCK"
  if rt_is_root; then
    getent passwd postgres >/dev/null || rt_die "user 'postgres' does not exist (needed as root: initdb refuses root)"
    chown postgres: "$RT_PG_DIR" "$RT_PG_SOCK"
    # A data folder from elsewhere (copied, restored as root) is handed over whole. One the cluster
    # already owns is left alone: a recursive chown under a running server races its temporary files.
    if [[ -e $RT_PG_DIR/data && $(stat -c %U "$RT_PG_DIR/data") != postgres ]]; then
      chown -R postgres: "$RT_PG_DIR"
    fi
  fi
}

rt_pg_ctl() { rt_pg_as_owner "$PGBIN/pg_ctl" -D "$RT_PG_DATA" "$@"; }

# Is the postmaster recorded in postmaster.pid really alive? pg_ctl status answers, but after a
# reboot the recorded PID may belong to an unrelated process, so check its name too (Linux).
rt_pg_running() {
  rt_pg_ctl status >/dev/null 2>&1 || return 1
  local pid
  pid=$(head -n1 "$RT_PG_DATA/postmaster.pid" 2>/dev/null || true)
  if [[ -n $pid && -r /proc/$pid/comm ]]; then
    [[ $(cat "/proc/$pid/comm") == postgres* || $(cat "/proc/$pid/comm") == postmaster* ]] || return 1
  fi
  return 0
}

# The port a running cluster recorded in postmaster.pid (line 4).
rt_pg_recorded_port() { sed -n 4p "$RT_PG_DATA/postmaster.pid" 2>/dev/null || true; }

rt_pg_start_cluster() {
  local fast=$1 opts
  opts="-p $RT_PG_PORT -k $RT_PG_SOCK -c listen_addresses=127.0.0.1"
  # The test cluster holds throwaway data: trade durability for speed. Never for scripts/run.
  [[ $fast == 1 ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if ! rt_pg_ctl -l "$RT_PG_LOG" -w -t 60 -o "$opts" start >/dev/null; then
    tail -n 20 "$RT_PG_LOG" >&2 || true
    rt_die "PostgreSQL did not start (log: $RT_PG_LOG)"
  fi
  RT_PG_STARTED=1
}

# rt_pg_setup NAME PORT DATABASE FAST
rt_pg_setup() {
  local name=$1 db=$3 fast=$4
  RT_PG_PORT=$2

  if [[ -n ${ConnectionStrings__Default:-} ]]; then
    rt_log "ConnectionStrings__Default is set: using that database, starting no cluster"
    return 0
  fi

  rt_pg_ensure_bin
  rt_pg_paths "$name"
  rt_pg_prepare_dirs

  if [[ ! -s $RT_PG_DATA/PG_VERSION ]]; then
    rt_log "creating PostgreSQL cluster in $RT_PG_DATA ($("$PGBIN/initdb" --version))"
    rm -rf "$RT_PG_DATA"
    rt_pg_as_owner "$PGBIN/initdb" -D "$RT_PG_DATA" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 >"$RT_PG_DIR/initdb.log" 2>&1 \
      || { cat "$RT_PG_DIR/initdb.log" >&2; rt_die "initdb failed"; }
  fi

  if rt_pg_running; then
    local recorded
    recorded=$(rt_pg_recorded_port)
    if [[ $recorded != "$RT_PG_PORT" ]]; then
      rt_die "cluster $RT_PG_DATA is already running on port $recorded, not $RT_PG_PORT; use that port or stop it: $RT_SCRIPT_NAME --stop-db"
    fi
    rt_log "reusing the running cluster on port $RT_PG_PORT ($RT_PG_DATA)"
  else
    if [[ -e $RT_PG_DATA/postmaster.pid ]]; then
      # Left over from a crash or reboot. Only remove it when nothing holds the port, so we never
      # pull the lock from under a live server.
      if rt_port_busy "$RT_PG_PORT"; then
        rt_die "port $RT_PG_PORT is in use by $(rt_port_owner "$RT_PG_PORT") and $RT_PG_DATA has a stale postmaster.pid; free the port or set a different port"
      fi
      rt_log "removing stale $RT_PG_DATA/postmaster.pid (no server running)"
      rm -f "$RT_PG_DATA/postmaster.pid"
    fi
    if rt_port_busy "$RT_PG_PORT"; then
      local other
      other=$(rt_pg_port_datadir)
      rt_die "port $RT_PG_PORT is already in use by ${other:+another PostgreSQL cluster ($other), }$(rt_port_owner "$RT_PG_PORT"); stop it or pick another port (see --help)"
    fi
    rt_log "starting PostgreSQL on 127.0.0.1:$RT_PG_PORT (log: $RT_PG_LOG)"
    rt_pg_start_cluster "$fast"
  fi

  # Role and database, idempotently. CREATEDB because test projects create their own databases.
  rt_psql <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$RT_PG_ROLE') THEN
    CREATE ROLE $RT_PG_ROLE LOGIN CREATEDB PASSWORD '$RT_PG_PASSWORD';
  ELSE
    ALTER ROLE $RT_PG_ROLE LOGIN CREATEDB PASSWORD '$RT_PG_PASSWORD';
  END IF;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8''', '$db', '$RT_PG_ROLE')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \gexec
SQL

  export ConnectionStrings__Default="Host=127.0.0.1;Port=$RT_PG_PORT;Database=$db;Username=$RT_PG_ROLE;Password=$RT_PG_PASSWORD"
}

rt_pg_stop_if_started() {
  if [[ $RT_PG_STARTED == 1 ]]; then
    RT_PG_STARTED=0
    rt_log "stopping PostgreSQL on port $RT_PG_PORT"
    rt_pg_ctl -m fast -w -t 60 stop >/dev/null || rt_warn "pg_ctl stop failed (log: $RT_PG_LOG)"
  fi
}

# Stop cluster NAME whoever started it (for --stop-db).
rt_pg_stop() {
  local name=$1
  RT_PG_PORT=${2:-0}
  rt_pg_paths "$name"
  if [[ -s $RT_PG_DATA/PG_VERSION ]] && rt_pg_find_bin && rt_pg_running; then
    rt_log "stopping PostgreSQL cluster $RT_PG_DATA"
    rt_pg_ctl -m fast -w -t 60 stop >/dev/null
  else
    rt_log "cluster $RT_PG_DATA is not running"
  fi
}
