#!/usr/bin/env python3
"""P4 (PERFORMANCE.md): one `hostnet agent --once` scan beside `ss -tlnp` on the same sockets, in the same run.

Opens SOCKETS sockets on loopback (2/5 of them listening TCP sockets, the rest both ends of connections to them),
spread over processes of at most 15,000 descriptors each (one process may hold 20,000 here), then times each command
five times (wall, best and median; CPU time, which load on the machine disturbs less), and reads the agent's peak RSS. Everything it opens it closes: the holders are
its own child processes, killed by pid at the end, also on failure.

    bench/agent/p4.py HOSTNET [SOCKETS]      # HOSTNET: the hostnet binary (JIT build or NativeAOT)
"""
import json, os, resource, signal, socket, statistics, subprocess, sys, time

HOLDER = r"""
import os, socket, sys, time
listeners, pairs = int(sys.argv[1]), int(sys.argv[2])
keep = []
for _ in range(listeners):
    s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(8); keep.append(s)
for i in range(pairs):
    server = keep[i % listeners]
    c = socket.create_connection(server.getsockname()); a, _ = server.accept(); keep += [c, a]
print('ready', flush=True)
time.sleep(3600)
"""

def main():
    hostnet = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
    repeat = 5
    listening = total * 2 // 5
    pairs = (total - listening) // 2
    per = 15000
    holders = []
    try:
        processes = -(-total // per)
        for i in range(processes):
            l = listening // processes + (1 if i < listening % processes else 0)
            p = pairs // processes + (1 if i < pairs % processes else 0)
            h = subprocess.Popen([sys.executable, "-c", HOLDER, str(l), str(p)], stdout=subprocess.PIPE, text=True)
            holders.append(h)
            if h.stdout.readline().strip() != "ready":
                raise SystemExit("a socket holder did not start")
        empty = "/tmp/hostnet-p4-pods.json"
        with open(empty, "w") as f:
            json.dump({"apiVersion": "v1", "kind": "List", "items": []}, f)
        ss = ["ss", "-Htlnp"]
        agent = [hostnet, "agent", "--once", "--node", "p4", "--cluster", empty, "--format", "json"]

        def cpu():
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime

        def run(command, cpu_times):
            start, start_cpu = time.perf_counter(), cpu()
            out = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
            cpu_times.append(cpu() - start_cpu)
            return time.perf_counter() - start, out

        ss_times, agent_times, ss_cpu, agent_cpu = [], [], [], []
        for _ in range(repeat):  # interleaved, so that load on the machine hits both alike
            t, ss_out = run(ss, ss_cpu); ss_times.append(t)
            t, agent_out = run(agent, agent_cpu); agent_times.append(t)
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        ss_count = ss_out.count(b"\n")
        agent_tcp = sum(1 for l in json.loads(agent_out)["listeners"] if l["protocol"] == "TCP")
        print(f"cores {os.cpu_count()}, sockets opened {listening + 2 * pairs} ({listening} listening, {pairs} connections), holders {processes}")
        print(f"listening TCP sockets seen: ss {ss_count}, agent {agent_tcp}")
        print(f"ss -tlnp:          best {min(ss_times):.3f} s, median {statistics.median(ss_times):.3f} s")
        print(f"hostnet agent:     best {min(agent_times):.3f} s, median {statistics.median(agent_times):.3f} s (TCP and UDP, owners, rules, JSON)")
        print(f"ratio agent/ss:    best {min(agent_times) / min(ss_times):.2f}x, median {statistics.median(agent_times) / statistics.median(ss_times):.2f}x (target <= 1.0x)")
        print(f"CPU (user+sys):    ss best {min(ss_cpu):.3f} s, agent best {min(agent_cpu):.3f} s ({min(agent_cpu) / max(min(ss_cpu), 1e-6):.2f}x): fairer than wall time on a loaded machine")
        print(f"peak RSS of the children (ss or agent, whichever is larger): {rss_mb:.1f} MiB (target <= 40 MiB with NativeAOT)")
    finally:
        for h in holders:
            os.kill(h.pid, signal.SIGKILL)
            h.wait()

if __name__ == "__main__":
    main()
