#!/usr/bin/env python3
"""The input shapes that made HN012 quadratic (issue 15), with their growth curve (1/100, 1/10, full).

- distinct-selectors: N host-network Pods, each on host port 9100 with a node selector of its own
  (`nodeSelector: {pool: pool-<i>}`), so no two can share a node and none clashes: 100,000 at full size.
- same-name: one Pod (same kind, namespace and name) repeated on host port 9100 until the stream is 60 MB, as a
  generator gone wrong or a concatenated log of one manifest would give: one object, so no clash either.

Each input is one file (a `---` stream) checked by the real CLI (`check FILE --format json --output /dev/null
--fail-on none`); the wall time, CPU time (user + system) and peak RSS of that process are printed as a Markdown
table. With `--baseline CLI` the other build runs the same inputs in the same session, alternating, so the ratios
hold on a busy machine; they are taken on CPU time, which waiting for a core does not inflate.

    bench/hostile-shapes/run.py --cli src/Hostnet.Cli/bin/Release/net10.0/hostnet [--baseline OLD/hostnet] [--timeout 300] [--quick]
"""
import argparse, os, subprocess, tempfile, time

POD = """apiVersion: v1
kind: Pod
metadata:
  name: {name}
  namespace: edge
  labels: {{app: edge-agent}}
spec:
  hostNetwork: true
  dnsPolicy: ClusterFirstWithHostNet
{selector}  containers:
  - name: agent
    image: registry.example.com/edge/agent:1.4.2
    ports:
    - {{containerPort: 9100, hostPort: 9100, name: metrics}}
---
"""


def distinct_selectors(path, count):
    with open(path, "w") as out:
        for i in range(count):
            out.write(POD.format(name=f"agent-{i}", selector=f"  nodeSelector: {{pool: pool-{i}}}\n"))
    return f"{count:,} Pods"


def same_name(path, megabytes):
    pod = POD.format(name="edge-agent", selector="")
    count = megabytes * 1024 * 1024 // len(pod)
    with open(path, "w") as out:
        out.write(pod * count)
    return f"{count:,} Pods, {megabytes} MB"


def run(cli, path, timeout):
    start = time.monotonic()
    process = subprocess.Popen([cli, "check", path, "--format", "json", "--output", "/dev/null", "--fail-on", "none"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            _, _, usage = os.wait4(process.pid, 0)
            return f"> {timeout:.0f} s (killed)", f"> {usage.ru_utime + usage.ru_stime:.1f} s", "", None
        time.sleep(0.05)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode().strip()
    if code not in (0, 1):
        raise SystemExit(f"{cli} {path}: exit {code}: {error}")
    cpu = usage.ru_utime + usage.ru_stime
    return f"{seconds:.1f} s", f"{cpu:.1f} s", f"{usage.ru_maxrss / 1024:.0f} MB", cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--baseline")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--quick", action="store_true", help="1/100 and 1/10 only")
    args = parser.parse_args()
    builds = [("hostnet", args.cli)] + ([("baseline", args.baseline)] if args.baseline else [])
    fractions = [100, 10] if args.quick else [100, 10, 1]
    shapes = [("distinct-selectors", distinct_selectors, 100_000), ("same-name", same_name, 60)]
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| shape | size | " + " | ".join(f"{name} wall | {name} CPU | {name} peak RSS" for name, _ in builds)
          + (" | baseline / hostnet (CPU) |" if args.baseline else " |"))
    print("|---|---|" + "---|---|---|" * len(builds) + ("---|" if args.baseline else ""))
    with tempfile.TemporaryDirectory(prefix="hostnet-hostile-shapes-") as work:
        for shape, generate, full in shapes:
            for fraction in fractions:
                path = os.path.join(work, f"{shape}-{fraction}.yaml")
                size = generate(path, max(1, full // fraction))
                figures = [run(cli, path, args.timeout) for _, cli in builds]
                cells = " | ".join(f"{wall} | {cpu} | {rss}" for wall, cpu, rss, _ in figures)
                ratio = " |"
                if args.baseline:
                    ours, theirs = figures[0][3], figures[1][3]
                    ratio = f" | {theirs / ours:.1f}x |" if theirs else f" | > {float(figures[1][1][2:-2]) / ours:.0f}x (killed) |"
                print(f"| {shape} | {size} | {cells}{ratio}", flush=True)
                os.remove(path)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


main()
