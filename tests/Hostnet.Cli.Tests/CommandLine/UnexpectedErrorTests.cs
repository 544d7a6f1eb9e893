using System.CommandLine;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>
/// An exception no command expected (here: standard output that breaks, an environment that cannot be read) ends in
/// one line and exit 2 from every command, never a stack trace and never exit 1.
/// </summary>
public sealed class UnexpectedErrorTests : IDisposable
{
    /// <summary>A run of each command that reaches standard output or the environment; the webhook server reaches neither.</summary>
    private static readonly Dictionary<string, string[]> Runs = new(StringComparer.Ordinal)
    {
        ["check"] = ["check", "app.yaml"],
        ["fix"] = ["fix", "app.yaml"],
        ["rules"] = ["rules"],
        ["explain"] = ["explain", "HN030"],
        ["dns"] = ["dns", "app.yaml"],
        ["plan"] = ["plan", "app.yaml"],
        ["ports"] = ["ports", "app.yaml"],
        ["webhook gen-certs"] = ["webhook", "gen-certs", "--service", "svc", "--namespace", "ns", "--out", "certs"],
        ["snapshot"] = ["snapshot"],
        ["audit"] = ["audit", "--cluster", "app.yaml"],
        ["completion"] = ["completion", "bash"],
        ["agent"] = ["agent", "--once", "--node", "node-1", "--cluster", "app.yaml"],
    };

    /// <summary>
    /// Commands that run datapaths between network namespaces or serve: their failures mid-run are tested where they
    /// are cleaned up (Hostnet.NetBench.Tests, CleanupTests).
    /// </summary>
    private static readonly string[] Servers = ["webhook", "bench", "bench serve", "bench client"];

    private readonly CliSandbox _sandbox = new();

    public UnexpectedErrorTests() => _sandbox.Write("app.yaml", Manifests.Warning + """

        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-1}
        status:
          allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
        """);

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string> Commands() => [.. Runs.Keys];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_UnexpectedException_OneLineAndExit2(string command)
    {
        using var error = new StringWriter();
        var environment = new CliEnvironment(new BrokenWriter(), error, () => Stream.Null, _sandbox.Root, false, true)
        {
            GetEnvironmentVariable = _ => throw new InvalidOperationException("environment unavailable"),
        };

        var exitCode = HostnetApp.Run(Runs[command], environment);

        exitCode.ShouldBe(2, error.ToString());
        error.ToString().ShouldMatch(@"^hostnet: unexpected error \(InvalidOperationException\): (output broken|environment unavailable); please report it with the command that caused it\n$");
    }

    [Fact]
    public void CommandTree_EveryCommandThatRuns_IsCovered()
    {
        var root = HostnetApp.CreateRoot(new CliEnvironment(TextWriter.Null, TextWriter.Null, () => Stream.Null, Path.GetTempPath(), false, true));
        var commands = Leaves(root, string.Empty).Where(path => !Servers.Contains(path)).ToList();

        commands.ShouldBe(Runs.Keys, ignoreOrder: true);
    }

    private static IEnumerable<string> Leaves(Command command, string parent)
    {
        var path = command is RootCommand ? string.Empty : (parent + " " + command.Name).Trim();
        if (command.Action is not null && path.Length > 0)
        {
            yield return path;
        }

        foreach (var child in command.Subcommands.SelectMany(c => Leaves(c, path)))
        {
            yield return child;
        }
    }

    /// <summary>Standard output that fails on the first character (every other write of a TextWriter comes down to it).</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("output broken");
    }
}
