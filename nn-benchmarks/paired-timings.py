#!/usr/bin/env python3
"""Paired whole-process timings of the vector (default) and the scalar kernels, for cold-start.sh.

Usage: paired-timings.py RUNS 'name|command with KERNELS' ...

KERNELS in each command becomes nothing (the default kernels) or -Dnn.kernels=scalar. Each command runs on
both kernels in alternating order (vector then scalar, then scalar then vector, ...) after one warm-up round
that is not counted, so that a machine whose speed drifts during the run slows both alike. Prints one
Markdown table row per command as it finishes: mean +- standard deviation of wall time on each kernel, the
median over the rounds of vector / scalar wall time, mean user + system CPU time, and the median peak resident
memory of the largest process of a run (the JVM; when the launcher starts a second JVM, the larger of the two),
as Linux's wait4 reports it for the command and the children it waited for.
"""
import os
import statistics
import subprocess
import sys
import time

KERNELS = {"vector": "", "scalar": "-Dnn.kernels=scalar"}


def timed(command):
    """Wall and CPU seconds and peak RSS (MiB) of one run; exits with the command's error if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"paired-timings.py: exit status {process.returncode} from {command}\n"
                 f"{stderr.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def spread(values):
    return statistics.stdev(values) if len(values) > 1 else 0.0


def main():
    runs = int(sys.argv[1])
    print("| run | vector wall (s) | scalar wall (s) | vector / scalar | CPU vector / scalar (s) "
          "| peak RSS vector / scalar (MiB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for entry in sys.argv[2:]:
        name, template = entry.split("|", 1)
        wall = {k: [] for k in KERNELS}
        cpu = {k: [] for k in KERNELS}
        rss = {k: [] for k in KERNELS}
        for round_ in range(runs + 1):
            for kernels in (["vector", "scalar"] if round_ % 2 == 0 else ["scalar", "vector"]):
                w, c, m = timed(template.replace("KERNELS", KERNELS[kernels]))
                if round_ > 0:
                    wall[kernels].append(w)
                    cpu[kernels].append(c)
                    rss[kernels].append(m)
        ratio = statistics.median(v / s for v, s in zip(wall["vector"], wall["scalar"]))
        print(f"| {name} | {statistics.mean(wall['vector']):.2f} ± {spread(wall['vector']):.2f} "
              f"| {statistics.mean(wall['scalar']):.2f} ± {spread(wall['scalar']):.2f} | {ratio:.2f} "
              f"| {statistics.mean(cpu['vector']):.2f} / {statistics.mean(cpu['scalar']):.2f} "
              f"| {statistics.median(rss['vector']):.0f} / {statistics.median(rss['scalar']):.0f} |", flush=True)


if __name__ == "__main__":
    main()
