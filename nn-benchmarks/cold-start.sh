#!/usr/bin/env bash
# Whole-process timings, cold JVM each run, on the vector (default) and the scalar kernels: what a user waits
# for, paired run by run (see paired-timings.py). Needs python3 and a built examples/target/nnlab.jar
# (mvn -B -q -DskipTests package). Usage: [ONLY=regex] nn-benchmarks/cold-start.sh [runs] [java]
#   runs  timed rounds per command after one warm-up round (default 5)
#   java  the JDK >= 21 to run the gallery with (default: the one the launcher picks, printed first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=examples/target/nnlab.jar
[ -f "$jar" ] || { echo "cold-start.sh: $jar is missing; run mvn -B -q -DskipTests package first" >&2; exit 2; }
command -v python3 > /dev/null || { echo "cold-start.sh: python3 is missing" >&2; exit 2; }
java=${2:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)/bin/java}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "nnlab.jar under $(java -version 2>&1 | head -1) (launcher), gallery under $java; $runs runs each"

commands=(
  "playground 100|java KERNELS -jar $jar playground --state seed=0.12345 --epochs 100 --json $out/p.json"
  "playground 1000|java KERNELS -jar $jar playground --state seed=0.12345 --epochs 1000 --json $out/p.json"
  "ganlab ring 1500|java KERNELS -jar $jar ganlab --dataset ring --epochs 1500 --json $out/g.json"
  "shapeshop MLP|java KERNELS -jar $jar shapeshop --classes box,line,circle,tri,noise,noise_blur --model mlp --epochs 100 --init zeros --step 0.005 --seed 1 --json $out/m.json"
  "shapeshop CNN|java KERNELS -jar $jar shapeshop --classes box,line,circle --model cnn --epochs 4 --init zeros --step 0.005 --seed 1 --max-steps 200 --json $out/c.json"
  "gallery|$java --add-modules=jdk.incubator.vector KERNELS -Djava.awt.headless=true -cp $jar org.nnlab.examples.Gallery $out/gallery"
)
# the example programs (README: JShell, examples and the command line) with their defaults, writing into $out
abs_jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
for example in QuickStart PlaygroundExample GanLabSteps ShapeShopExperiments Diagrams PlaygroundSweep; do
  commands+=("example $example|cd $out && $java --add-modules=jdk.incubator.vector KERNELS -Djava.awt.headless=true -cp $abs_jar org.nnlab.examples.$example")
done
if [ -n "${ONLY:-}" ]; then                  # ONLY=regex times the matching runs only
  filtered=()
  for entry in "${commands[@]}"; do [[ ${entry%%|*} =~ $ONLY ]] && filtered+=("$entry"); done
  commands=("${filtered[@]}")
fi
python3 nn-benchmarks/paired-timings.py "$runs" "${commands[@]}"
