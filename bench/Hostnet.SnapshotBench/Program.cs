using System.Diagnostics;
using System.Globalization;
using Hostnet.Kube.Tests.Support;
using Hostnet.SnapshotBench;

// bench/run-snapshot.sh runs this. Without --child: generate the cluster, serve it, run every mode as a child process
// under GNU time (wall time and peak RSS), print a Markdown report. With --child MODE: be that child.
var arguments = args.ToList();
string? Option(string name, string? fallback = null) =>
    arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : fallback;

if (Option("--child") is { } mode)
{
    var kubeconfig = Option("--kubeconfig")!;
    var count = mode switch
    {
        "typed-snapshot" => await TypedSnapshot.WriteAsync(kubeconfig, Option("--output")!),
        "typed-list" => await TypedSnapshot.ListOnlyAsync(kubeconfig),
        "handwritten-list" => await HandWrittenList.ListOnlyAsync(kubeconfig),
        _ => throw new ArgumentException($"unknown mode {mode}"),
    };
    Console.WriteLine(count);
    return 0;
}

var cli = Path.GetFullPath(Option("--cli") ?? throw new ArgumentException("--cli PATH (the hostnet build to measure) is required"));
var nodes = int.Parse(Option("--nodes", "5000")!, CultureInfo.InvariantCulture);
var podsPerNode = int.Parse(Option("--pods-per-node", "30")!, CultureInfo.InvariantCulture);
var runs = int.Parse(Option("--runs", "2")!, CultureInfo.InvariantCulture);
var work = Directory.CreateTempSubdirectory("hostnet-snapshot-bench.").FullName;
try
{
    Console.Error.WriteLine($"generating {nodes:N0} nodes, {nodes * podsPerNode:N0} pods …");
    var cluster = ClusterItems.Generate(nodes, podsPerNode, Path.Combine(work, "cluster.json"));
    File.Delete(Path.Combine(work, "cluster.json"));
    using var pki = new TestPki();
    await using var server = await FakeApiServer.StartAsync(pki);
    server.Respond = cluster.Respond;
    await File.WriteAllTextAsync(Path.Combine(work, "ca.crt"), pki.CaPem);
    var kubeconfig = Path.Combine(work, "kubeconfig");
    await File.WriteAllTextAsync(kubeconfig, $"""
        apiVersion: v1
        kind: Config
        current-context: bench
        clusters:
          - name: fake
            cluster: {"{"}server: "{server.Url.ToString().TrimEnd('/')}", certificate-authority: ca.crt{"}"}
        users:
          - name: bench
            user: {"{"}token: bench-token{"}"}
        contexts:
          - name: bench
            context: {"{"}cluster: fake, user: bench{"}"}
        """);

    var self = typeof(ClusterItems).Assembly.Location;
    var modes = new (string Name, string Program, string[] Arguments, string? Output)[]
    {
        ("hostnet snapshot (hand-written list path, main's code)", cli, ["snapshot", "--kubeconfig", kubeconfig, "--output", Path.Combine(work, "handwritten.json")], Path.Combine(work, "handwritten.json")),
        ("KubernetesClient.Aot typed lists + ItemTrimmer (same file)", "dotnet", [self, "--child", "typed-snapshot", "--kubeconfig", kubeconfig, "--output", Path.Combine(work, "typed.json")], Path.Combine(work, "typed.json")),
        ("hand-written ListPager, list only", "dotnet", [self, "--child", "handwritten-list", "--kubeconfig", kubeconfig], null),
        ("KubernetesClient.Aot typed lists, list only", "dotnet", [self, "--child", "typed-list", "--kubeconfig", kubeconfig], null),
    };
    var results = modes.Select(_ => new List<(double Seconds, long PeakKiB)>()).ToList();
    for (var run = 0; run < runs; run++)
    {
        for (var k = 0; k < modes.Length; k++)
        {
            var m = (k + run) % modes.Length; // rotate the order so drift on the shared machine hits every mode alike
            Console.Error.WriteLine($"run {run + 1}/{runs}: {modes[m].Name} …");
            var result = await TimedAsync(modes[m].Program, modes[m].Arguments);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.Seconds:0.0} s, peak {result.PeakKiB / 1024.0:N0} MiB"));
            results[m].Add(result);
        }
    }

    Console.WriteLine($"P2-size cluster: {nodes:N0} nodes, {nodes * podsPerNode:N0} pods, {cluster.Count:N0} items, {cluster.Bytes / 1048576.0:N1} MiB of item JSON served over TLS on 127.0.0.1, 500 items a page; {runs} runs per mode, order rotated; load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
    Console.WriteLine();
    Console.WriteLine("| mode | wall (median) | wall (all runs) | peak RSS (max) | output |");
    Console.WriteLine("|---|---:|---|---:|---:|");
    for (var m = 0; m < modes.Length; m++)
    {
        var seconds = results[m].Select(r => r.Seconds).Order().ToList();
        var output = modes[m].Output is { } path && File.Exists(path) ? $"{new FileInfo(path).Length / 1048576.0:N1} MiB" : "–";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {modes[m].Name} | {seconds[seconds.Count / 2]:0.0} s | {string.Join(", ", seconds.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))} s | {results[m].Max(r => r.PeakKiB) / 1024.0:N0} MiB | {output} |"));
    }

    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

// Wall time and peak RSS of one child, from GNU time's last line ("%e %M").
static async Task<(double Seconds, long PeakKiB)> TimedAsync(string program, string[] arguments)
{
    var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var argument in (string[])["-f", "%e %M", program, .. arguments])
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    await stdout;
    var last = stderr.TrimEnd().Split('\n')[^1].Split(' ');
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
    }

    return (double.Parse(last[0], CultureInfo.InvariantCulture), long.Parse(last[1], CultureInfo.InvariantCulture));
}
