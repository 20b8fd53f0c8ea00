#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, unattended: Debian's postgresql package is installed when
# its binaries are missing (apt-get update once, then install; needs root), and a private cluster
# runs in its own folder on a loopback port, so no system cluster, port or password is touched.
#
#   throwaway-postgres.sh start <dir> <port> <user> <password> <database>
#       creates <dir>/data, starts the server (TCP on 127.0.0.1:<port>, socket in <dir>), waits until
#       it accepts connections and creates <database>; the login is <user>/<password>.
#   throwaway-postgres.sh stop <dir>
#       stops that server and removes <dir>.
set -euo pipefail

pg_bin() {
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_installed() {
	if [ -n "$(pg_bin)" ]; then return; fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "PostgreSQL is not installed and installing it needs root: apt-get install -y postgresql" >&2
		exit 1
	fi
	echo "Installing PostgreSQL from Debian's packages" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
	apt-get -o DPkg::Lock::Timeout=300 install -y -qq postgresql >&2
	if [ -z "$(pg_bin)" ]; then
		echo "apt-get installed postgresql but no server binaries were found under /usr/lib/postgresql" >&2
		exit 1
	fi
}

# The server refuses to run as root; as root it runs as the package's postgres user.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
	local dir="$1" port="$2" user="$3" password="$4" database="$5"
	ensure_installed
	local bin
	bin="$(pg_bin)"
	mkdir -p "$dir"
	printf '%s\n' "$password" >"$dir/password"
	if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
	chmod 700 "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/password" \
		--auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	rm -f "$dir/password"
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	as_owner "$bin/psql" -h "$dir" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$database\"" >/dev/null
}

stop() {
	local dir="$1"
	local bin
	bin="$(pg_bin)"
	if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
	fi
	rm -rf "$dir"
}

case "${1:-}" in
start) shift; start "$@" ;;
stop) shift; stop "$@" ;;
*)
	echo "usage: $0 start <dir> <port> <user> <password> <database> | stop <dir>" >&2
	exit 2
	;;
esac
