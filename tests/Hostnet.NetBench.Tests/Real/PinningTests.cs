using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hostnet.NetBench.Results;
using Hostnet.NetBench.Tests.Support;
using Shouldly;

namespace Hostnet.NetBench.Tests.Real;

/// <summary>
/// <c>hostnet bench</c> pins by default: while it runs, the kernel's <c>Cpus_allowed_list</c> of its engines (the
/// servers and the <c>iperf3 -s</c> they start, the clients and their <c>iperf3 -c</c>) is one CPU for the receivers
/// and another for the senders; with <c>--no-pin</c> they may run on every CPU the bench may.
/// </summary>
[Collection(RootNetworkTests.Name)]
public sealed class PinningTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public void ByDefault_ReceiversOnOneCpu_SendersOnAnother()
    {
        var expected = CpuPinning.Choose(File.ReadLines("/proc/self/status")).ShouldNotBeNull("the test needs two CPUs");
        var (engines, json) = Run();

        engines.Where(e => e.Role == "receiver").Select(e => e.Cpus).Distinct().ShouldBe([Cpu(expected.Receiver)]);
        engines.Where(e => e.Role == "sender").Select(e => e.Cpus).Distinct().ShouldBe([Cpu(expected.Sender)]);
        engines.ShouldContain(e => e.Command.StartsWith("iperf3 -s", StringComparison.Ordinal), "the server's iperf3 -s inherits its CPU");
        json.GetProperty("pinned").GetBoolean().ShouldBeTrue();
        json.GetProperty("pinnedCpus").GetProperty("receiver").GetInt32().ShouldBe(expected.Receiver);
        json.GetProperty("pinnedCpus").GetProperty("sender").GetInt32().ShouldBe(expected.Sender);
    }

    [Fact]
    public void NoPin_LeavesTheEnginesOnEveryCpu()
    {
        var allowed = Allowed(Environment.ProcessId).ShouldNotBeNull();
        var (engines, json) = Run("--no-pin");

        engines.ShouldContain(e => e.Role == "receiver");
        engines.ShouldContain(e => e.Role == "sender");
        engines.ShouldAllBe(e => e.Cpus == allowed);
        json.GetProperty("pinned").GetBoolean().ShouldBeFalse();
        json.GetProperty("pinnedCpus").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static string Cpu(int cpu) => cpu.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs a short bench, watching its descendants' CPUs until it ends; stopped (and so cleaned up) on failure.</summary>
    private static (List<(string Role, string Command, string Cpus)> Engines, JsonElement Report) Run(params string[] extra)
    {
        using var bench = Process.Start(new ProcessStartInfo(
            Shell.Hostnet, ["bench", "--modes", "host", "--duration", "1s", "--repeat", "2", "--engine", "iperf3", "--format", "json", .. extra])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var output = bench.StandardOutput.ReadToEndAsync();
            var error = bench.StandardError.ReadToEndAsync();
            var engines = new Dictionary<int, (string Role, string Command, string Cpus)>();
            var deadline = DateTime.UtcNow + Patience;
            while (!bench.HasExited)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the bench did not end");
                foreach (var pid in Descendants(bench.Id))
                {
                    if (Engine(pid) is { } engine)
                    {
                        engines[pid] = engine;
                    }
                }

                Thread.Sleep(20);
            }

            bench.ExitCode.ShouldBe(0, error.Result);
            return ([.. engines.Values], JsonDocument.Parse(output.Result).RootElement.Clone());
        }
        finally
        {
            if (!bench.HasExited)
            {
                // SIGTERM: the bench removes its namespaces before it exits.
                Shell.Run("kill", "-TERM", bench.Id.ToString(CultureInfo.InvariantCulture));
                bench.WaitForExit(Patience);
            }
        }
    }

    /// <summary>A bench engine's role and CPUs: hostnet's server or client, or an iperf3 they started.</summary>
    private static (string Role, string Command, string Cpus)? Engine(int pid)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            var role = command.Contains(" bench serve ", StringComparison.Ordinal) || command.StartsWith("iperf3 -s", StringComparison.Ordinal) ? "receiver"
                : command.Contains(" bench client ", StringComparison.Ordinal) || command.StartsWith("iperf3 -c", StringComparison.Ordinal) ? "sender"
                : null;

            // taskset and nsenter exec into the engine: only the engine itself is counted.
            return role is null || command.StartsWith("taskset", StringComparison.Ordinal) || command.StartsWith("nsenter", StringComparison.Ordinal)
                ? null
                : (role, command, Allowed(pid)!);
        }
        catch (IOException)
        {
            return null; // it ended meanwhile
        }
    }

    private static string? Allowed(int pid) =>
        File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split('\t')[1];

    private static IEnumerable<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(pid) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }

        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid, []))
            {
                yield return child;
                pending.Push(child);
            }
        }
    }

    // The fourth field of /proc/PID/stat, after the command name in parentheses (which may hold spaces).
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
