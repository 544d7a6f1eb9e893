#!/usr/bin/env python3
"""The agent's /metrics scrape (PERFORMANCE.md: <= 10 ms) on a node with many sockets and pods, in DaemonSet mode.

Starts a fake API server on loopback (plain HTTP: the pod list of node "bench", a watch that stays open, Events
accepted), PODS host-network pods on it that each declare a containerPort a node daemon of this bench holds (HN062 on
every pod, so hostnet_node_findings has PODS series), and SOCKETS more listening sockets; then runs
`hostnet agent --node bench --listen 127.0.0.1:PORT --interval 5s`, waits for /readyz and times SCRAPES scrapes of
/metrics on one kept-alive connection, spread over several scans (p50, p90, p99, max, and the size). Everything it starts
it stops by pid at the end, also on failure; it writes only under a temporary folder it removes.

    bench/agent/scrape.py HOSTNET [PODS] [SOCKETS] [SCRAPES]
"""
import http.client, http.server, json, os, shutil, signal, socket, socketserver, statistics, subprocess, sys, tempfile, threading, time

HOLDER = r"""
import resource, socket, sys, time
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
ports, extra = [int(p) for p in sys.argv[1].split(',')], int(sys.argv[2])
keep = []
for port in ports:
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', port)); s.listen(8); keep.append(s)
for _ in range(extra):
    s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(8); keep.append(s)
print('ready', flush=True)
time.sleep(3600)
"""


def pod(i, port):
    return {"metadata": {"name": f"exporter-{i}", "namespace": "bench", "uid": f"00000000-0000-4000-8000-{i:012d}", "resourceVersion": "1"},
            "spec": {"nodeName": "bench", "hostNetwork": True,
                     "containers": [{"name": "exporter", "image": "bench/exporter:1", "ports": [{"containerPort": port, "protocol": "TCP"}]}]},
            "status": {"phase": "Running"}}


def serve_api(pods):
    body = json.dumps({"kind": "PodList", "apiVersion": "v1", "metadata": {"resourceVersion": "10"}, "items": pods}).encode()
    stop = threading.Event()

    class Api(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            if "watch=true" in self.path:
                self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
                self.wfile.flush()
                stop.wait()  # a quiet node: no change until the bench ends
                return
            self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(201); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(data))); self.end_headers()
            self.wfile.write(data)

        do_PATCH = do_POST

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, stop


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    hostnet = sys.argv[1]
    pods_count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    extra = int(sys.argv[3]) if len(sys.argv) > 3 else 15000
    scrapes = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    folder = tempfile.mkdtemp(prefix="hostnet-scrape-")
    started = []
    server = stop = None
    try:
        ports = [20000 + i for i in range(pods_count)]
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, ",".join(map(str, ports)), str(extra)], stdout=subprocess.PIPE, text=True)
        started.append(holder)
        if holder.stdout.readline().strip() != "ready":
            raise SystemExit("the socket holder did not start")
        server, stop = serve_api([pod(i, p) for i, p in enumerate(ports)])
        kubeconfig = os.path.join(folder, "kubeconfig")
        with open(kubeconfig, "w") as f:
            json.dump({"apiVersion": "v1", "kind": "Config", "current-context": "bench",
                       "clusters": [{"name": "bench", "cluster": {"server": f"http://127.0.0.1:{server.server_address[1]}"}}],
                       "users": [{"name": "bench", "user": {"token": "bench"}}],
                       "contexts": [{"name": "bench", "context": {"cluster": "bench", "user": "bench"}}]}, f)
        listen = free_port()
        agent = subprocess.Popen([hostnet, "agent", "--node", "bench", "--listen", f"127.0.0.1:{listen}", "--interval", "5s", "--kubeconfig", kubeconfig],
                                 stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "agent.log"), "w"))
        started.append(agent)
        connection = None
        deadline = time.time() + 300
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", listen, timeout=30)
                connection.request("GET", "/readyz"); answer = connection.getresponse(); answer.read()
                if answer.status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise SystemExit("the agent did not get ready: " + open(os.path.join(folder, "agent.log")).read())
            time.sleep(0.2)
        def get(path):
            begin = time.perf_counter()
            connection.request("GET", path); answer = connection.getresponse(); body = answer.read()
            return (time.perf_counter() - begin) * 1000, body

        # /healthz beside each scrape: the same round trip through Kestrel with a 3-byte answer, the floor on this machine.
        times, floor, size, text = [], [], 0, b""
        for i in range(scrapes):
            floor.append(get("/healthz")[0])
            elapsed, text = get("/metrics")
            times.append(elapsed)
            size = len(text)
            time.sleep(0.05)  # 300 scrapes over 15 s and more: scans of the 5 s interval happen in between
        exposition = text.decode()
        findings = sum(1 for l in exposition.splitlines() if l.startswith("hostnet_node_findings{"))
        scans = next(l for l in exposition.splitlines() if l.startswith("hostnet_agent_scans_total{result=\"success\"}"))
        seconds = [l for l in exposition.splitlines() if l.startswith("hostnet_agent_scan_duration_seconds_")]
        total = float(next(l for l in seconds if l.startswith("hostnet_agent_scan_duration_seconds_sum")).split()[1])
        count = float(next(l for l in seconds if l.startswith("hostnet_agent_scan_duration_seconds_count")).split()[1])
        times.sort(); floor.sort()
        q = lambda values, p: values[min(len(values) - 1, int(p * len(values)))]
        print(f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")
        print(f"node: {pods_count} host-network pods, {pods_count + extra} listening sockets of the bench; {findings} hostnet_node_findings series; {scans}")
        print(f"mean scan {total / count * 1000:.0f} ms over {count:.0f} scans")
        print(f"/metrics: {size} bytes; {scrapes} scrapes: p50 {statistics.median(times):.2f} ms, p90 {q(times, 0.9):.2f} ms, p99 {q(times, 0.99):.2f} ms, max {times[-1]:.2f} ms (target <= 10 ms)")
        print(f"/healthz: p50 {statistics.median(floor):.2f} ms, p90 {q(floor, 0.9):.2f} ms, p99 {q(floor, 0.99):.2f} ms, max {floor[-1]:.2f} ms (the round trip alone)")
    finally:
        if stop is not None:
            stop.set()
        if server is not None:
            server.shutdown()
        for process in reversed(started):
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
