#!/usr/bin/env bash
# Runs the shipped Slurm job scripts (cluster/sweep.sbatch, cluster/merge.sbatch) on a real
# one-node Slurm cluster started here on localhost, and checks what docs/sweeps.md promises:
#   A. the array job plus a dependent merge job gives files byte-identical to an unsharded sweep;
#   B. a task cancelled mid-way leaves an afterok merge pending forever (DependencyNeverSatisfied);
#      resubmitted alone (sbatch --array=K) it resumes its own shard K of N from its journal
#      (not "shard 0 of 1"), and the re-merged files are still byte-identical.
# Installs Debian's munge and Slurm (slurmctld, slurmd, slurm-client) if missing. munged,
# slurmctld and slurmd run with a key, sockets, state and a slurm.conf generated in a temporary
# folder (no cgroups, no accounting) and are stopped on exit, whatever happens.
#   usage: .ci/slurm-test.sh [path/to/policysim]     (default .build/debug/policysim)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
started=$(date +%s)
policysim=$(realpath "${1:-.build/debug/policysim}")
[ -x "$policysim" ] || { echo "slurm-test: no policysim binary at $policysim (run make test first)" >&2; exit 1; }

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
packages=(munge slurmctld slurmd slurm-client)
installed=$(dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c "install ok installed" || true)
if [ "$installed" != "${#packages[@]}" ]; then
  echo "Installing ${packages[*]}..."
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/policysim-slurm.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/jobs"

# Stops exactly the daemons started here (by their pid files), then removes the folder.
cleanup() {
  status=$?
  if [ "$status" != 0 ]; then
    echo "slurm-test: FAILED; the last lines of each log:"
    for log in "$work"/*.log "$work"/munge-private/*.log "$work"/jobs/*.out; do
      [ -f "$log" ] && { echo "== $log"; tail -n 15 "$log"; }
    done
  fi
  [ -f "${SLURM_CONF:-}" ] && scancel --user="$(id -un)" 2>/dev/null && sleep 1
  for daemon in slurmd slurmctld munge/munged; do
    pid=$(cat "$work/$daemon.pid" 2>/dev/null || true)
    [ -n "$pid" ] && $sudo kill "$pid" 2>/dev/null || true
  done
  sleep 1
  $sudo rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM  # so that a CI timeout still stops the daemons

# Two free TCP ports for slurmctld and slurmd (bash's /dev/tcp connects only to a used port).
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
ctld_port=$(free_port $((20000 + $$ % 20000)))
slurmd_port=$(free_port $((ctld_port + 1)))

# munged with its own key and socket, so it neither needs nor disturbs a system munged.
# Its key, seed and log sit in a private folder, its socket in one every user can reach.
mkdir -m 700 "$work/munge-private"
dd if=/dev/urandom of="$work/munge-private/munge.key" bs=1024 count=1 status=none
chmod 600 "$work/munge-private/munge.key"
$sudo munged --key-file="$work/munge-private/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge-private/munged.log" \
  --seed-file="$work/munge-private/munged.seed"

host=$(uname -n | cut -d. -f1)  # the short host name, as slurmd reports it
node=$(env -u SLURM_CONF slurmd -C | head -n 1 | sed 's/ RealMemory=[0-9]*//')
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=policysim-ci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=3600
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
$sudo env SLURM_CONF="$SLURM_CONF" slurmctld -c
$sudo env SLURM_CONF="$SLURM_CONF" slurmd -N "$host"

# Waits until `condition` (a shell command) succeeds, for at most $2 seconds.
wait_until() {
  local deadline=$(($(date +%s) + $2))
  until eval "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "slurm-test: timed out waiting for: $1" >&2; return 1; }
    sleep 0.2
  done
}
job_field() { scontrol -o show job "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }
job_ended() { case $(job_field "$1" JobState) in COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY) return 0 ;; *) return 1 ;; esac; }
expect_state() {
  local state
  state=$(job_field "$1" JobState)
  [ "$state" = "$2" ] || { echo "slurm-test: job $1 is $state, expected $2" >&2; exit 1; }
}
same_outputs() {
  for file in points.csv results.csv manifest.json; do
    cmp "$work/whole/$file" "$1/$file" || { echo "slurm-test: $1/$file differs from the unsharded sweep" >&2; exit 1; }
  done
}
wait_until 'sinfo -h -N -o %T 2>/dev/null | grep -qx idle' 60
echo "slurm-test: cluster up ($(sinfo -h -N -o '%N %c CPUs %T'); Slurm $(sinfo -V | cut -d' ' -f2))"

# A 24-point Latin hypercube (6 points per shard), small enough for CI on a debug build.
cat >"$work/spec.json" <<'EOF'
{"design": "lhs", "points": 24, "metrics": ["capacity_h100e", "capacity_h100e_gray"], "parameters": [
  {"path": "$.grayMarket.channels[0].seizureProbability", "range": {"min": 0.05, "max": 0.5}},
  {"path": "$.fleet.failureRatePerYear", "range": {"min": 0.01, "max": 0.1}}]}
EOF
export POLICYSIM=$policysim SCENARIO=$repo/Scenarios/tier3.json SPEC=$work/spec.json RUNS=${SLURM_TEST_RUNS:-40} SHARDS=4
"$policysim" sweep "$SCENARIO" --spec "$SPEC" --runs "$RUNS" --threads 1 --out "$work/whole" --quiet

# Jobs are submitted from $work, so their logs (%x-%A_%a.out, in the submission folder) land there.
cd "$work/jobs"

# A. The array and a merge that waits for it, as docs/sweeps.md shows.
export OUT=$work/a
array=$(sbatch --parsable --array=0-3 "$repo/cluster/sweep.sbatch")
merge=$(sbatch --parsable --dependency="afterany:$array" "$repo/cluster/merge.sbatch")
wait_until "job_ended $merge" 900
expect_state "$merge" COMPLETED
for task in 0 1 2 3; do expect_state "${array}_$task" COMPLETED; done
same_outputs "$OUT"
echo "slurm-test: A. array $array (4 tasks) merged by job $merge: identical to the unsharded sweep"

# B. Cancel task 3 once it has journalled a point; an afterok merge then never runs.
export OUT=$work/b
array=$(sbatch --parsable --array=0-3 "$repo/cluster/sweep.sbatch")
stuck=$(sbatch --parsable --dependency="afterok:$array" "$repo/cluster/merge.sbatch")
journal=$OUT/shard-3-of-4/journal.jsonl
wait_until "[ \$(cat $journal 2>/dev/null | wc -l) -ge 2 ]" 900
scancel "${array}_3"
wait_until "job_ended ${array}_3 && job_ended ${array}_0 && job_ended ${array}_1 && job_ended ${array}_2" 900
expect_state "${array}_3" CANCELLED
[ ! -e "$OUT/shard-3-of-4/manifest.json" ] || { echo "slurm-test: task 3 finished before it was cancelled" >&2; exit 1; }
journalled=$(($(wc -l <"$journal") - 1))
wait_until "[ \"\$(job_field $stuck Reason)\" = DependencyNeverSatisfied ]" 60
expect_state "$stuck" PENDING
scancel "$stuck"
echo "slurm-test: B. task ${array}_3 cancelled after $journalled of 6 points; afterok merge $stuck stuck (DependencyNeverSatisfied), cancelled"

# Resubmitted alone it sees SLURM_ARRAY_TASK_MIN=3 and SLURM_ARRAY_TASK_COUNT=1, yet runs shard 3 of 4.
again=$(sbatch --parsable --array=3 "$repo/cluster/sweep.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$again" "$repo/cluster/merge.sbatch")
wait_until "job_ended $merge" 900
expect_state "${again}_3" COMPLETED
expect_state "$merge" COMPLETED
grep -q "shard 3/4: 6 of 24 points x $RUNS runs: $((6 - journalled)) run in .*; $journalled resumed from the journal" \
  "policysim-sweep-${again}_3.out" || { echo "slurm-test: the resubmitted task did not resume shard 3/4" >&2; exit 1; }
[ "$(ls "$OUT")" = "$(printf '%s\n' manifest.json points.csv results.csv shard-0-of-4 shard-1-of-4 shard-2-of-4 shard-3-of-4)" ] \
  || { echo "slurm-test: unexpected files in $OUT: $(ls "$OUT" | tr '\n' ' ')" >&2; exit 1; }
same_outputs "$OUT"
echo "slurm-test: B. resubmitted as job $again, resumed shard 3/4 with $journalled of its 6 points from the journal, merged by job $merge: identical"
echo "slurm-test: passed in $(($(date +%s) - started)) s"
