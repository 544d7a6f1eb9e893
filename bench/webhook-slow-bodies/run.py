#!/usr/bin/env python3
"""Peak resident memory of a real `hostnet webhook` under N slow-body connections (issue 15).

Each connection sends POST /validate with Content-Length 3 MiB, the first MiB at once, then a byte every 200 ms; a
connection the server closes is opened again, for the whole run. Prints the server's peak RSS (VmHWM) and what the
connections saw. Loopback only.

    bench/webhook-slow-bodies/run.py --cli src/Hostnet.Cli/bin/Release/net10.0/hostnet [--connections 500] [--seconds 20]
"""
import argparse, os, socket, ssl, subprocess, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--cli", required=True)
parser.add_argument("--connections", type=int, default=500)
parser.add_argument("--seconds", type=float, default=20)
parser.add_argument("--port", type=int, default=18443)
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="hostnet-slow-bodies-")
subprocess.run([args.cli, "webhook", "gen-certs", "--service", "w", "--namespace", "n", "--dns-name", "localhost", "--out", work],
               check=True, stdout=subprocess.DEVNULL)
server = subprocess.Popen([args.cli, "webhook", f"--listen=127.0.0.1:{args.port}", f"--tls-cert={work}/tls.crt",
                           f"--tls-key={work}/tls.key", "--log-level", "warning"], stdout=open(f"{work}/log", "w"), stderr=subprocess.STDOUT)
context = ssl.create_default_context(cafile=f"{work}/ca.crt")
stop = time.time() + args.seconds
counts = {"opened": 0, "refused": 0, "closed_by_server": 0, "answers": {}}
lock = threading.Lock()
head = (f"POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {3 * 1024 * 1024}\r\n\r\n").encode()
first = b'{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"x","object":{"a":"' + b"a" * (1024 * 1024)


def attacker():
    while time.time() < stop:
        try:
            raw = socket.create_connection(("127.0.0.1", args.port), timeout=5)
            tls = context.wrap_socket(raw, server_hostname="localhost")
            with lock:
                counts["opened"] += 1
            tls.sendall(head + first)
            tls.settimeout(0.2)
            while time.time() < stop:
                try:
                    data = tls.recv(4096)
                    if data:
                        status = data.split(b" ", 2)[1].decode()
                        with lock:
                            counts["answers"][status] = counts["answers"].get(status, 0) + 1
                    with lock:
                        counts["closed_by_server"] += 1
                    break
                except socket.timeout:
                    tls.sendall(b"a")
            tls.close()
        except (OSError, ssl.SSLError):
            with lock:
                counts["refused"] += 1
            time.sleep(0.2)


time.sleep(3)  # start-up
threads = [threading.Thread(target=attacker, daemon=True) for _ in range(args.connections)]
for t in threads:
    t.start()
peak_sample = 0
while time.time() < stop:
    with open(f"/proc/{server.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                peak_sample = max(peak_sample, int(line.split()[1]))
    time.sleep(0.1)
with open(f"/proc/{server.pid}/status") as status:
    hwm = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
server.terminate()
server.wait(timeout=30)
log = open(f"{work}/log").read()
print(f"connections {args.connections}, {args.seconds:.0f} s: peak RSS {hwm / 1024:.0f} MiB (sampled {peak_sample / 1024:.0f} MiB); "
      f"opened {counts['opened']}, refused {counts['refused']}, answers {counts['answers']}, log {len(log.encode()) / 1024:.0f} KiB, "
      f"{log.count('   at ')} stack-trace lines")
subprocess.run(["rm", "-rf", work])
