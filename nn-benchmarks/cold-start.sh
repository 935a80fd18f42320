#!/usr/bin/env bash
# Whole-process timings, cold JVM each run, on the vector (default) and the scalar kernels: what a user waits
# for. Needs hyperfine (Debian: apt-get install hyperfine) and a built examples/target/nnlab.jar
# (mvn -B -q -DskipTests package). Usage: [ONLY=regex] nn-benchmarks/cold-start.sh [runs] [java]
#   runs  timed runs per command after one warm-up run (default 5)
#   java  the JDK >= 21 to run the gallery with (default: the one the launcher picks, printed first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=examples/target/nnlab.jar
[ -f "$jar" ] || { echo "cold-start.sh: $jar is missing; run mvn -B -q -DskipTests package first" >&2; exit 2; }
command -v hyperfine > /dev/null || { echo "cold-start.sh: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
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
printf '| run | kernels | wall (s) | user + sys CPU (s) |\n| --- | --- | ---: | ---: |\n' > "$out/table.md"
for entry in "${commands[@]}"; do
  name=${entry%%|*}
  template=${entry#*|}
  for kernels in vector scalar; do
    flag=$([ "$kernels" = scalar ] && echo "-Dnn.kernels=scalar" || echo "")
    cmd=${template/KERNELS/$flag}
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/h.json" "$cmd" > /dev/null
    python3 - "$out/h.json" "$name" "$kernels" >> "$out/table.md" <<'EOF'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = [u + s for u, s in zip(r["user"], r["system"])] if "user" in r and isinstance(r["user"], list) else [r["user"] + r["system"]]
print(f"| {sys.argv[2]} | {sys.argv[3]} | {r['mean']:.2f} ± {r['stddev']:.2f} | {statistics.mean(cpu):.2f} |")
EOF
    tail -1 "$out/table.md"
  done
done
echo
cat "$out/table.md"
