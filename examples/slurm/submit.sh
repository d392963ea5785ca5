#!/bin/sh
# Submits the array and the merge chained after it.
#
#   submit.sh SHARDS PIPELINE.yaml INPUT OUTDIR RESULT.jsonl
#
# prints the two job ids. Extra sbatch options (a partition, an account, a
# time limit) go in SBATCH_* variables or #SBATCH lines of the scripts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shards=$1
array=$(sbatch --parsable --array="0-$((shards - 1))" "$here/tamis-array.sbatch" "$2" "$3" "$4")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" "$here/tamis-merge.sbatch" "$4" "$5")
echo "$array ${merge%%;*}"
