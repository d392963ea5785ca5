#!/bin/sh
# examples/slurm against a real Slurm: brings up a single-node cluster on
# the loopback (munged, slurmctld and slurmd under a private directory and
# ports, stopped at the end), submits an 8-task array over a corpus with
# the merge chained after it, and compares the result with one run, byte
# for byte. Skipped, saying so, where Slurm is not installed or the test
# is not root (the daemons run as the user that starts them, and slurmd
# must be root to start jobs as their owner).
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
for tool in munged slurmctld slurmd sbatch squeue sinfo scancel; do
  command -v "$tool" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin
  command -v "$tool" >/dev/null 2>&1 ||
    tap_skip_all "Slurm is not installed (Debian: slurm-wlm munge; autogen.sh --install-ci-deps)"
done
[ "$(id -u)" = 0 ] || tap_skip_all "the test cluster's slurmd must run as root"

S=$T/slurm
mkdir -p "$S/state" "$S/spool" "$S/munge" "$S/out" "$S/jobs"
chmod 700 "$S/munge"
# ports of our own, away from a Slurm the machine may run
port=$((20000 + $$ % 20000))
head -c 1024 /dev/urandom > "$S/munge/munge.key"
chmod 400 "$S/munge/munge.key"

stop_cluster () {
  scancel --quiet --user root 2>/dev/null
  for pid in "$S/slurmd.pid" "$S/slurmctld.pid" "$S/munge/pid"; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
  done
  sleep 1
}
trap 'stop_cluster; rm -rf "$tap_tmp"' EXIT

munged --key-file="$S/munge/munge.key" --socket="$S/munge/socket" --pid-file="$S/munge/pid" \
  --log-file="$S/munge/log" --seed-file="$S/munge/seed" --force 2>"$T/munged.err"
cat > "$S/slurm.conf" <<CONF
ClusterName=tamistest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$S/munge/socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=tamis0 NodeAddr=127.0.0.1 NodeHostname=$(hostname -s) CPUs=2 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"
slurmctld -f "$SLURM_CONF" 2>"$T/slurmctld.err"
slurmd -f "$SLURM_CONF" -N tamis0 2>"$T/slurmd.err"
up=0
for i in $(seq 60); do
  if sinfo -h -o %T 2>/dev/null | grep -q idle; then up=1; break; fi
  sleep 1
done
if [ "$up" != 1 ]; then
  tap_diag "$S/slurmctld.log" 2>/dev/null
  tap_diag "$S/slurmd.log" 2>/dev/null
  tap_diag "$T/munged.err" "$T/slurmctld.err" "$T/slurmd.err"
fi
check "a one-node Slurm comes up on the loopback" test "$up" = 1
[ "$up" = 1 ] || { tap_done; exit 0; }

# the corpus: the example articles and a JSON Lines file of them, 40 times
mkdir -p "$T/in"
cp "$EXAMPLES"/corpus/*.txt "$T/in/"
for i in $(seq 40); do cat "$EXAMPLES/corpus.jsonl"; done |
  jq -c '.id = (.id + "-" + (input_line_number | tostring))' > "$T/in/many.jsonl"
"$TAMIS" run -j 2 "$EXAMPLES/news.yaml" "$T/in" -o "$T/whole.jsonl" --summary "$T/whole.summary.json" \
  2>"$T/whole.err"

cd "$S/jobs"
export TAMIS
ids=$(sh "$TAMIS_SRCDIR/examples/slurm/submit.sh" 8 "$EXAMPLES/news.yaml" "$T/in" "$S/out" "$T/result.jsonl" \
      2>"$T/submit.err")
check "the array and the merge are submitted" test -n "$ids"
done_=0
for i in $(seq 300); do
  if [ -z "$(squeue -h 2>/dev/null)" ]; then done_=1; break; fi
  sleep 1
done
check "the jobs finish within five minutes" test "$done_" = 1
check "8 parts, each with its manifest" test "$(ls "$S"/out/part-*.jsonl.manifest.json 2>/dev/null | wc -l)" -eq 8
for log in "$S"/jobs/*.log; do [ -s "$log" ] && tap_diag "$log"; done
check "the merged records equal one run over the whole input, byte for byte" \
  cmp -s "$T/whole.jsonl" "$T/result.jsonl"
check "the merged summary equals the one run's" cmp -s "$T/whole.summary.json" "$T/result.summary.json"
tap_done
