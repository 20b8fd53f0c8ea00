#!/usr/bin/env bash
# A throwaway Redis server for tests, unattended: Debian's redis-server package is installed when
# its binaries are missing (apt-get update once, then install; needs root), and a private server
# runs in its own folder on a loopback port with no persistence, so no system server, port or data
# is touched.
#
#   throwaway-redis.sh start <dir> <port>
#       creates <dir>, starts redis-server daemonized on 127.0.0.1:<port> (no RDB snapshots, no
#       append-only file; pid file and log in <dir>) and waits until it answers PING.
#   throwaway-redis.sh stop <dir>
#       stops that server (waiting until it is gone) and removes <dir>.
set -euo pipefail

ensure_installed() {
	if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then return; fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "Redis is not installed and installing it needs root: apt-get install -y redis-server" >&2
		exit 1
	fi
	echo "Installing Redis from Debian's packages" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
	apt-get -o DPkg::Lock::Timeout=300 install -y -qq redis-server >&2
	if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
		echo "apt-get installed redis-server but redis-server or redis-cli is not on PATH" >&2
		exit 1
	fi
}

start() {
	local dir="$1" port="$2"
	ensure_installed
	mkdir -p "$dir"
	chmod 700 "$dir"
	redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" \
		--save '' --appendonly no \
		--daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/server.log" ||
		{ cat "$dir/server.log" >&2 2>/dev/null; exit 1; }
	printf '%s\n' "$port" >"$dir/port"
	local deadline=$((SECONDS + 30))
	until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			echo "redis-server did not answer PING on 127.0.0.1:$port within 30 s" >&2
			cat "$dir/server.log" >&2 2>/dev/null || true
			exit 1
		fi
		sleep 0.1
	done
}

stop() {
	local dir="$1"
	if [ -f "$dir/redis.pid" ]; then
		local pid
		pid="$(cat "$dir/redis.pid")"
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null; then
			# Nothing to save: SIGTERM makes it shut down at once.
			kill -TERM "$pid" 2>/dev/null || true
			local deadline=$((SECONDS + 20))
			while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
			if kill -0 "$pid" 2>/dev/null; then
				kill -KILL "$pid" 2>/dev/null || true
				while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
			fi
		fi
	fi
	rm -rf "$dir"
}

case "${1:-}" in
start) shift; start "$@" ;;
stop) shift; stop "$@" ;;
*)
	echo "usage: $0 start <dir> <port> | stop <dir>" >&2
	exit 2
	;;
esac
