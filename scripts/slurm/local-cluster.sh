#!/usr/bin/env bash
# A single-node Slurm cluster in one folder, for trying `mosel slurm submit` on one machine and for Mosel's
# integration test: its own munge key and socket, its own state, ports given by the caller; nothing under /etc.
#   scripts/slurm/local-cluster.sh start DIR CTLD_PORT SLURMD_PORT   # prints: export SLURM_CONF=DIR/slurm.conf
#   scripts/slurm/local-cluster.sh stop DIR                          # stops the daemons it started (by pid)
# Needs Debian's slurm-wlm (which brings munge) and root (slurmd runs jobs as their users).
set -euo pipefail
cmd=${1:?start or stop}; d=$(realpath -m "${2:?folder}")

stop() {
  for pidfile in "$d/slurmd.pid" "$d/slurmctld.pid" "$d/munged.pid"; do
    if [ -s "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "usage: $0 start DIR CTLD_PORT SLURMD_PORT | stop DIR" >&2; exit 2; }
ctld_port=${3:?slurmctld port}; slurmd_port=${4:?slurmd port}
mkdir -p "$d/state" "$d/spool" "$d/log"
host=$(hostname -s); cpus=$(nproc); mem=$(( $(free -m | awk '/Mem:/{print $2}') - 1024 ))
cat > "$d/slurm.conf" <<CONF
ClusterName=mosel-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$d/munge.socket
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
trap 'stop' ERR
[ -f "$d/munge.key" ] || { dd if=/dev/urandom bs=1 count=1024 of="$d/munge.key" status=none; chmod 400 "$d/munge.key"; }
munged --force --socket="$d/munge.socket" --key-file="$d/munge.key" --pid-file="$d/munged.pid" \
  --log-file="$d/log/munged.log" --seed-file="$d/munged.seed"
export SLURM_CONF=$d/slurm.conf
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
  if sinfo -h -o '%T' 2>/dev/null | grep -q idle; then echo "export SLURM_CONF=$SLURM_CONF"; exit 0; fi
  sleep 0.2
done
echo "the local Slurm cluster in $d did not come up; logs in $d/log" >&2
stop; exit 1
