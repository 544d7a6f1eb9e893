using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hostnet.WebhookBench;

/// <summary>
/// P3 of PERFORMANCE.md: Pod CREATE AdmissionReviews over TLS on loopback against a real <c>hostnet webhook</c>
/// process, at a fixed 1,000 requests/s (open loop: latency counts from the time a request was due, so a stall is
/// not hidden) and at saturation (closed loop), side by side with the same server's <c>/healthz</c> as the floor of
/// the HTTP + TLS stack. Keep-alive connections (SocketsHttpHandler). Markdown on standard output.
/// <code>Hostnet.WebhookBench --cli PATH [--rate 1000] [--seconds 10] [--connections 16] [--concurrency 32] [--server-env K=V,K=V] [--server-args "--log-level warning"]</code>
/// </summary>
internal static class WebhookBench
{
    /// <summary>The parts of the resident set: the heaps and stacks, mapped files (the assemblies), shared memory (JIT code).</summary>
    private static readonly string[] MemoryFields = ["RssAnon", "RssFile", "RssShmem"];

    /// <summary>A node agent as the webhook typically sees it: host network, host ports, probes, a few findings.</summary>
    internal const string Review = """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"UID","kind":{"group":"","version":"v1","kind":"Pod"},
         "resource":{"group":"","version":"v1","resource":"pods"},"namespace":"monitoring","operation":"CREATE",
         "userInfo":{"username":"system:serviceaccount:kube-system:daemon-set-controller"},"dryRun":false,
         "object":{"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"node-exporter-","namespace":"monitoring",
           "labels":{"app.kubernetes.io/name":"node-exporter","controller-revision-hash":"7d9f8c6b5"},
           "ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"node-exporter","uid":"0f1e2d3c","controller":true}]},
          "spec":{"hostNetwork":true,"hostPID":true,"serviceAccountName":"node-exporter","priorityClassName":"system-node-critical",
           "tolerations":[{"operator":"Exists"}],
           "securityContext":{"runAsNonRoot":true,"runAsUser":65534},
           "containers":[{"name":"node-exporter","image":"quay.io/prometheus/node-exporter:v1.8.2",
             "args":["--path.rootfs=/host","--web.listen-address=:9100"],
             "ports":[{"name":"metrics","containerPort":9100,"hostPort":9100,"protocol":"TCP"}],
             "readinessProbe":{"httpGet":{"path":"/","port":9100}},"livenessProbe":{"httpGet":{"path":"/","port":9100}},
             "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"memory":"128Mi"}},
             "volumeMounts":[{"name":"root","mountPath":"/host","readOnly":true}]},
            {"name":"kube-rbac-proxy","image":"quay.io/brancz/kube-rbac-proxy:v0.18.0","args":["--secure-listen-address=:9101","--upstream=http://127.0.0.1:9100/"],
             "ports":[{"name":"https","containerPort":9101,"hostPort":9101}]}],
           "volumes":[{"name":"root","hostPath":{"path":"/"}}]}}}}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        var cli = Path.GetFullPath(options.GetValueOrDefault("--cli") ?? "src/Hostnet.Cli/bin/Release/net10.0/hostnet");
        var rate = int.Parse(options.GetValueOrDefault("--rate") ?? "1000", CultureInfo.InvariantCulture);
        var seconds = double.Parse(options.GetValueOrDefault("--seconds") ?? "10", CultureInfo.InvariantCulture);
        var connections = int.Parse(options.GetValueOrDefault("--connections") ?? "16", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options.GetValueOrDefault("--concurrency") ?? "32", CultureInfo.InvariantCulture);
        // Runtime settings for the server alone (e.g. DOTNET_GCgen0size=0x400000), to compare their effect.
        var serverEnv = (options.GetValueOrDefault("--server-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var serverArgs = options.GetValueOrDefault("--server-args") ?? "";

        var work = Directory.CreateTempSubdirectory("hostnet-webhook-bench-").FullName;
        try
        {
            // The certificates in a folder of their own, as a Secret's mount is: the server watches their folder, and a log
            // written beside them would wake its watcher on every write, which no deployment does.
            var certs = Directory.CreateDirectory(Path.Combine(work, "tls")).FullName;
            Run(cli, $"webhook gen-certs --service hostnet-webhook --namespace hostnet-system --dns-name localhost --out {certs}");
            var port = FreePort();
            var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec \"{cli}\" webhook --listen 127.0.0.1:{port} --tls-cert {certs}/tls.crt --tls-key {certs}/tls.key {serverArgs} > {work}/server.log 2>&1"]);
            foreach (var setting in serverEnv)
            {
                var equals = setting.IndexOf('=', StringComparison.Ordinal);
                start.Environment[setting[..equals]] = setting[(equals + 1)..];
            }

            using var server = Process.Start(start)!;
            try
            {
                using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(certs, "ca.crt")));
                using var client = Client(port, connections, ca);
                await WaitReady(client);
                var results = new List<PhaseResult>();
                foreach (var endpoint in new[] { "/healthz", "/validate" })
                {
                    await Saturate(client, endpoint, concurrency, TimeSpan.FromSeconds(3), server.Id, "warm-up");
                    results.Add(await FixedRate(client, endpoint, rate, TimeSpan.FromSeconds(seconds), server.Id));
                    results.Add(await Saturate(client, endpoint, concurrency, TimeSpan.FromSeconds(seconds), server.Id, $"saturation ({concurrency} in flight)"));
                }

                var memory = string.Join(", ", MemoryFields.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f} {Rss(server.Id, f) / 1024.0:F1} MiB")));
                Report(results, cli, rate, connections, Rss(server.Id, "VmHWM"), memory, serverEnv, serverArgs);
            }
            finally
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// <c>--name value</c> or <c>--name=value</c> pairs; an option given again replaces the earlier value, as in most
    /// command lines (a script's default followed by the user's own <c>--cli</c> must not crash: issue 16).
    /// </summary>
    internal static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument \"{args[i]}\" (options are --name value)");
            }

            var equals = args[i].IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[args[i][..equals]] = args[i][(equals + 1)..];
            }
            else
            {
                // The value is the next argument even when it starts with "--" (--server-args "--log-level warning").
                options[args[i]] = i + 1 < args.Count ? args[++i] : string.Empty;
            }
        }

        return options;
    }

    private static void Report(List<PhaseResult> results, string cli, int rate, int connections, long peakRssKiB, string memory, string[] serverEnv, string serverArgs)
    {
        var output = Console.Out;
        output.WriteLine("## P3: webhook latency (Pod CREATE AdmissionReview over TLS on loopback, all rules on)");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}. The load generator shares the cores with the server."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fixed rate: {rate:N0} requests/s, open loop over {connections} keep-alive connections; latency from the time each request was due."));
        output.WriteLine($"Server: {cli} ({(File.Exists(Path.ChangeExtension(cli, ".dll")) ? "JIT" : "NativeAOT")}).");
        output.WriteLine($"Server environment: {(serverEnv.Length == 0 ? "as shipped" : string.Join(", ", serverEnv))}{(serverArgs.Length == 0 ? "" : $"; arguments: {serverArgs}")}; load average at the end: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}.");
        output.WriteLine();
        output.WriteLine("| endpoint | phase | requests | requests/s | p50 ms | p99 ms | max ms | errors | server CPU µs/request | server RSS MiB |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            output.WriteLine(result.Row());
        }

        output.WriteLine();
        // The ratio to the same server's /healthz in the same run: the figure that load on a shared machine moves least.
        var health = results.Last(r => r.Endpoint == "/healthz");
        var reviews = results.Last(r => r.Endpoint == "/validate");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Saturation: /validate {reviews.Throughput:N0}/s ÷ /healthz {health.Throughput:N0}/s = {reviews.Throughput / health.Throughput:F2}× (target ≥ 0.5×); server CPU per review {reviews.CpuMicrosPerRequest:F0} µs, per /healthz {health.CpuMicrosPerRequest:F0} µs."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Server peak RSS (VmHWM): {peakRssKiB / 1024.0:F1} MiB (at the end: {memory}). Target: p50 ≤ 1 ms and p99 ≤ 5 ms at 1,000/s; ≥ 5,000/s at saturation with 0 errors; RSS ≤ 100 MB."));
    }

    private static async Task<PhaseResult> FixedRate(HttpClient client, string endpoint, int rate, TimeSpan duration, int serverPid)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var cpu = ServerCpu(serverPid);
        var latencies = new long[total];
        var errors = 0;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            // Task.Delay wakes up to a millisecond late on Linux, and that lateness would count as the server's
            // latency: sleep to within a millisecond of the due time, then yield until it comes.
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
            }

            while (clock.Elapsed < due)
            {
                Thread.Yield();
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                if (!await Send(client, endpoint, index))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (long)((clock.Elapsed - due).TotalMilliseconds * 1000);
            }));
        }

        await Task.WhenAll(tasks);
        return new PhaseResult(endpoint, $"{rate:N0}/s fixed", latencies, errors, clock.Elapsed, Rss(serverPid, "VmRSS"), ServerCpu(serverPid) - cpu);
    }

    private static async Task<PhaseResult> Saturate(HttpClient client, string endpoint, int concurrency, TimeSpan duration, int serverPid, string phase)
    {
        var cpu = ServerCpu(serverPid);
        var latencies = new List<long>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<long>(100_000);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var started = clock.Elapsed;
                if (!await Send(client, endpoint, (worker * 1_000_000) + i))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add((long)((clock.Elapsed - started).TotalMilliseconds * 1000));
            }
        })));
        return new PhaseResult(endpoint, phase, [.. latencies.SelectMany(l => l)], errors, clock.Elapsed, Rss(serverPid, "VmRSS"), ServerCpu(serverPid) - cpu);
    }

    /// <summary>One request; false unless HTTP 200 with an answer for this uid (or "ok" from /healthz).</summary>
    private static async Task<bool> Send(HttpClient client, string endpoint, int index)
    {
        try
        {
            if (endpoint == "/healthz")
            {
                using var health = await client.GetAsync(endpoint);
                return health.StatusCode == HttpStatusCode.OK && await health.Content.ReadAsStringAsync() == "ok\n";
            }

            var uid = "bench-" + index.ToString(CultureInfo.InvariantCulture);
            using var content = new StringContent(Review.Replace("\"UID\"", $"\"{uid}\"", StringComparison.Ordinal), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(endpoint, content);
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && body.Contains($"\"uid\":\"{uid}\"", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private static HttpClient Client(int port, int connections, X509Certificate2 ca) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        // Trust exactly the CA gen-certs wrote (it is in no system store).
        SslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, presented, _, _) => IssuedBy(presented, ca),
        },
    })
    {
        BaseAddress = new Uri($"https://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static bool IssuedBy(X509Certificate? presented, X509Certificate2 ca)
    {
        if (presented is null)
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) && certificate.MatchesHostname("localhost");
    }

    private static async Task WaitReady(HttpClient client)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var ready = await client.GetAsync("/readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException error) when (attempt < 299)
            {
                // Not listening yet.
                _ = error;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("the webhook did not become ready in 30 s");
    }

    private static long Rss(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The server's CPU time so far (all its threads): what a request costs it, whatever else runs.</summary>
    private static TimeSpan ServerCpu(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}");
        }
    }
}
