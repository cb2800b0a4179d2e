# Sourced by stack.sh and replicas.sh: start servers pinned to the server CPUs, wait until they answer.
# Needs RUN (the run directory) and SERVER_CPUS set by the script that sources it.

start_process() { # name, command...
	local name=$1
	shift
	nohup taskset -c "$SERVER_CPUS" "$@" >"$RUN/$name.log" 2>&1 &
	echo $! >"$RUN/$name.pid"
}

wait_for() { # url, seconds
	local deadline=$((SECONDS + $2))
	until curl -s -o /dev/null --max-time 2 "$1"; do
		if [ $SECONDS -ge $deadline ]; then
			echo "not answering after $2 s: $1 (logs in $RUN)" >&2
			return 1
		fi
		sleep 0.5
	done
}
