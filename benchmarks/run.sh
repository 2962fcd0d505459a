#!/usr/bin/env bash
# Builds the benchmarks jar and runs the db_bench-style suite, one JSON result file per class
# under benchmarks/results/. Run from anywhere; takes about 12 minutes on 2 cores.
#
#   benchmarks/run.sh                 # the full suite
#   benchmarks/run.sh --smoke         # one short iteration of everything (checks it works)
#   benchmarks/run.sh --no-build ...  # reuse benchmarks/target/benchmarks.jar
#   MVN="mvn -o" benchmarks/run.sh    # build with another Maven command
#   JMH_EXTRA="-prof gc" benchmarks/run.sh   # extra JMH options for every class
#   benchmarks/run.sh --help          # this, and the side-by-side comparison (compare.sh)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=1
smoke=0
for arg in "$@"; do
  case "$arg" in
    -h|--help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      echo
      echo "Weir side by side with RocksDB, H2 MVStore, the raw map and Vert.x's maps (issue 7),"
      echo "every db_bench workload, one command, a Markdown table + JSON + PNG chart:"
      echo "  benchmarks/compare.sh [--quick] [--stores=weir,mvstore,...]"
      echo "  java -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.Compare [--quick]"
      echo "See benchmarks/README.md."
      exit 0 ;;
    --no-build) build=0 ;;
    --smoke) smoke=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [[ $build == 1 ]]; then
  ${MVN:-./mvnw} -B -q -pl benchmarks -am package -DskipTests
fi

mkdir -p benchmarks/results
jvm="-Xms4g -Xmx4g"
extra=(${JMH_EXTRA:-})

# run <result name> <class regex> <warmup time> <measurement time>
run() {
  local name="$1" regex="$2" w="$3" r="$4"
  local iters=(-f 1 -wi 2 -i 3 -w "$w" -r "$r")
  if [[ $smoke == 1 ]]; then
    name="smoke-$name"
    iters=(-f 1 -wi 0 -i 1 -r 1s)
  fi
  echo "=== $regex -> benchmarks/results/$name.json"
  java -jar benchmarks/target/benchmarks.jar "$regex" "${iters[@]}" -jvmArgs "$jvm" \
    "${extra[@]}" -rf json -rff "benchmarks/results/$name.json"
}

{
  echo "nproc: $(nproc)"
  java -version 2>&1
  git rev-parse --short HEAD 2>/dev/null || true
} | tee "benchmarks/results/$([[ $smoke == 1 ]] && echo smoke-)machine.txt" >/dev/null

run readrandom 'ReadRandomBenchmark' 2s 3s
run fill 'FillBenchmark' 3s 5s
run putlone 'LonePutLatencyBenchmark' 2s 3s
