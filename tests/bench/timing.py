#!/usr/bin/env python3
"""timing.py RUNS COMMAND...: each COMMAND (a shell word list in one argument) run RUNS times,
the commands taking turns, so that a busy machine slows them alike. Prints, per command, the
median wall time and the median processor time (user + system) in milliseconds, and its
peak resident memory in kilobytes. A command may exit 0 or 1 (sscard check of a photo that
fails a rule); anything else stops the timing."""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    """Wall and processor milliseconds and peak kilobytes of one run, its output thrown away."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.monotonic() - start) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit("timing: %s exited with %d" % (argv[0], child.returncode))
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: timing.py RUNS COMMAND...")
    runs = int(sys.argv[1])
    commands = [shlex.split(c) for c in sys.argv[2:]]
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    peaks = [0 for _ in commands]
    for i in range(runs + 2):
        for k, argv in enumerate(commands):
            wall, cpu, peak = run_once(argv)
            if i >= 2:  # two warm-up rounds: files in the cache
                walls[k].append(wall)
                cpus[k].append(cpu)
                peaks[k] = max(peaks[k], peak)
    for k in range(len(commands)):
        print("%.1f %.1f %d" % (statistics.median(walls[k]), statistics.median(cpus[k]), peaks[k]))


if __name__ == "__main__":
    main()
