#!/usr/bin/env bash
# Weir side by side with the stores users would pick instead, in one command:
# builds benchmarks/target/benchmarks.jar with the Maven wrapper when it is missing or older
# than the sources, then runs dev.weir.benchmarks.Compare, which runs every workload for every
# store with JMH, prints a progress line (store, workload, time left) and writes
# benchmarks/results/<date>.md (table + ratios to Weir + targets), <date>.json (raw JMH),
# <date>.png (chart of the ratios) and <date>-jmh.log.
#
#   benchmarks/compare.sh            # full run: 1,000,000 keys; it prints its estimate first
#   benchmarks/compare.sh --quick    # regression check: 100,000 keys, a few minutes
#   benchmarks/compare.sh --stores=weir,mvstore,rocksdb     # a subset (must include weir)
#   benchmarks/compare.sh --only=blob                       # only the workloads matching a regex
#   benchmarks/compare.sh --only=table                      # tables beside the KV API (issue 14)
#   benchmarks/compare.sh --only=durable                    # durable mode vs RocksDB, MVStore (issue 16)
#   benchmarks/compare.sh --only=partiql                    # PartiQL beside the calls, tables on the bus (issue 15)
#   MVN="mvn -o" benchmarks/compare.sh                      # build with another Maven command
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    sed -n '2,/^set /p' benchmarks/compare.sh | grep '^#' | sed 's/^# \{0,1\}//'
    exit 0
  fi
done

jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar ]] || [[ -n "$(find benchmarks/src engine/src reactive-api/src tables/src vertx-adapter/src benchmarks/pom.xml pom.xml \
    -newer $jar -type f 2>/dev/null | head -1)" ]]; then
  echo "building $jar ..."
  ${MVN:-./mvnw} -B -q -pl benchmarks -am package -DskipTests
fi

exec java -Xms4g -Xmx4g -Djava.awt.headless=true -cp "$jar" dev.weir.benchmarks.Compare "$@"
