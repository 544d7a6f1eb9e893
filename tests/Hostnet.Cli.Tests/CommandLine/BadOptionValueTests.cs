using System.CommandLine;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>
/// Every option of every command, given a bad value, ends in one line on standard error and exit 2: never a stack
/// trace, never exit 1 or 134. The options come from the real command tree, so a new option is covered as soon as it
/// exists: numbers, durations and word lists get bad values by their type, and a free-text option must be given one
/// in <see cref="TextOptionBadValues"/> (the test of the tree fails until it is).
/// </summary>
public sealed class BadOptionValueTests : IDisposable
{
    /// <summary>A Deployment and a Node, so that plan and ports need no default cluster (and print no note about one).</summary>
    private const string Manifest = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-1}
        status:
          allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """;

    /// <summary>Bad values of options that take free text, by command path and option name.</summary>
    private static readonly Dictionary<string, string[]> TextOptionBadValues = new(StringComparer.Ordinal)
    {
        ["check --output"] = ["app.yaml/report.txt"],
        ["check --config"] = ["missing.yaml", "bad-config.yaml"],
        ["check --kube-version"] = ["abc", "1.10"],
        ["check --cluster"] = ["missing.json"],
        ["fix --rule"] = ["HN999"],
        ["fix --config"] = ["missing.yaml", "bad-config.yaml"],
        ["fix --kube-version"] = ["abc", "1.10"],
        ["dns --name"] = ["nothing"],
        ["dns --dns-policy"] = ["Sometimes"],
        ["dns --nameserver"] = ["not-an-ip"],
        ["dns --search"] = ["-bad-"],
        ["dns --option"] = [":"],
        ["dns --hostname"] = ["Bad_Host"],
        ["dns --subdomain"] = ["Bad_Sub"],
        ["dns --namespace"] = ["Bad_NS"],
        ["dns --cluster-domain"] = ["bad..domain"],
        ["dns --cluster-dns"] = ["not-an-ip"],
        ["dns --resolv-conf"] = ["missing-resolv.conf"],
        ["dns --kube-version"] = ["abc", "1.10"],
        ["plan --cluster"] = ["missing.json"],
        ["plan --config"] = ["missing.yaml", "bad-config.yaml"],
        ["plan --kube-version"] = ["abc", "1.10"],
        ["ports --cluster"] = ["missing.json"],
        ["ports --node"] = ["no-such-node"],
        ["ports --free"] = ["9000-8000"],
        ["ports --config"] = ["missing.yaml", "bad-config.yaml"],
        ["webhook --tls-cert"] = ["missing.crt", "app.yaml"],
        ["webhook --tls-key"] = ["missing.key", "app.yaml"],
        ["webhook --policy"] = ["missing-policy.yaml", "bad-policy.yaml"],
        ["webhook --listen"] = ["everywhere"],
        ["webhook gen-certs --service"] = ["Bad_Service"],
        ["webhook gen-certs --namespace"] = ["Bad_NS"],
        ["webhook gen-certs --out"] = ["app.yaml"],
        ["webhook gen-certs --dns-name"] = ["bad name"],
        ["snapshot --output"] = ["app.yaml/snapshot.json"],
        ["snapshot --kubeconfig"] = ["missing-kubeconfig"],
        ["snapshot --context"] = ["nowhere"],
        ["audit --cluster"] = ["missing.json"],
        ["audit --output"] = ["app.yaml/report.txt"],
        ["audit --config"] = ["missing.yaml", "bad-config.yaml"],
        ["audit --kube-version"] = ["abc", "1.10"],
        ["audit --kubeconfig"] = ["missing-kubeconfig"],
        ["audit --context"] = ["nowhere"],
        ["audit --listeners"] = ["missing-dir"],
        ["bench --modes"] = ["warp"],
        ["bench --duration"] = ["10x", "abc"],
        ["bench --svg"] = ["app.yaml/bench.svg"],
        ["bench serve --listen"] = ["everywhere"],
        ["bench serve --cgroup"] = ["missing-cgroup"],
        ["bench client --target"] = ["=", "name="],
        ["bench client --duration"] = ["10x"],
        ["bench client --svg"] = ["app.yaml/bench.svg"],
        ["agent --node"] = ["Bad_Node"],
        ["agent --cluster"] = ["missing.json"],
        ["agent --proc-root"] = ["missing-proc"],
        ["agent --grace"] = ["abc", "-5s"],
        ["agent --interval"] = ["abc", "-5s", "0"],
        ["agent --listen"] = ["everywhere"],
        ["agent --kubeconfig"] = ["missing-kubeconfig"],
        ["agent --context"] = ["nowhere"],
    };

    private readonly CliSandbox _sandbox = new();

    public BadOptionValueTests()
    {
        _sandbox.Write("app.yaml", Manifest);
        _sandbox.Write("bad-config.yaml", "rules: [HN030]\n");
        _sandbox.Write("bad-policy.yaml", "mode: loud\n");
        _sandbox.Run("webhook", "gen-certs", "--service", "hostnet-webhook", "--namespace", "hostnet-system", "--out", "certs").ExitCode.ShouldBe(0);
    }

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (path, option) in Options(HostnetApp.CreateRoot(Environment()), string.Empty))
        {
            foreach (var value in BadValues(path, option))
            {
                cases.Add(path, option.Name, value);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Option_BadValue_OneLineAndExit2(string command, string option, string value)
    {
        string[] args = [.. command.Split(' '), .. ValidArguments(command, option).Where((_, i) => !IsReplaced(ValidArguments(command, option), i, option)), option, value];

        // A bad value that were taken would leave the webhook serving: the run is bounded, and that fails the test.
        var result = await Task.Run(() => _sandbox.Run(args)).WaitAsync(TimeSpan.FromMinutes(2));

        result.Error.ShouldNotContain(" at ", customMessage: result.ToString());
        if (DescribeARejectedPod.Contains($"{command} {option}"))
        {
            result.ExitCode.ShouldBe(1, $"hostnet {string.Join(' ', args)}\n{result}");
            result.Error.ShouldStartWith("# The API rejects it: spec.", customMessage: result.ToString());
            return;
        }

        result.ExitCode.ShouldBe(2, $"hostnet {string.Join(' ', args)}\n{result}");
        result.Error.ShouldStartWith("hostnet: ", customMessage: result.ToString());
        result.Error.TrimEnd('\n').ShouldNotContain('\n', customMessage: result.ToString());
    }

    [Fact]
    public void CommandTree_EveryTextOption_HasABadValue()
    {
        var missing = Options(HostnetApp.CreateRoot(Environment()), string.Empty)
            .Where(o => BadValues(o.Path, o.Option).Length == 0)
            .Select(o => $"{o.Path} {o.Option.Name}")
            .ToList();

        missing.ShouldBeEmpty("give these options a bad value in TextOptionBadValues");
    }

    /// <summary>
    /// The options of <c>hostnet dns</c> that describe a pod: a value the API server refuses is the command's answer
    /// (docs/dns.md), in Kubernetes' words on standard error with exit 1, as <c>check</c> reports it.
    /// </summary>
    private static readonly HashSet<string> DescribeARejectedPod = new(StringComparer.Ordinal)
    {
        "dns --dns-policy", "dns --nameserver", "dns --search", "dns --option",
    };

    /// <summary>Every option that takes a value, with the path of its command (help and version are the parser's).</summary>
    private static IEnumerable<(string Path, Option Option)> Options(Command command, string parent)
    {
        var path = command is RootCommand ? string.Empty : (parent + " " + command.Name).Trim();
        foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool) && path.Length > 0))
        {
            yield return (path, option);
        }

        foreach (var child in command.Subcommands.SelectMany(c => Options(c, path)))
        {
            yield return child;
        }
    }

    private static string[] BadValues(string path, Option option)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(int))
        {
            return ["abc", "99999999999", "-1", "1.5"];
        }

        if (type == typeof(TimeSpan))
        {
            return ["abc", "-5s", "5x", "1d", "s"];
        }

        if (option.HelpName?.Contains('|', StringComparison.Ordinal) == true && option.CompletionSources.Count > 0)
        {
            return ["bogus"];
        }

        return TextOptionBadValues.GetValueOrDefault($"{path} {option.Name}", []);
    }

    /// <summary>Arguments with which the command would otherwise run (and fail only for the value under test).</summary>
    private static string[] ValidArguments(string command, string option) => command switch
    {
        "check" or "fix" or "plan" or "ports" => ["app.yaml"],
        // The pod's own flags describe a pod without FILE; the others read it from the manifest.
        "dns" => option is "--dns-policy" or "--nameserver" or "--search" or "--option" or "--hostname" or "--subdomain" ? [] : ["app.yaml"],
        "webhook" => ["--tls-cert", "certs/tls.crt", "--tls-key", "certs/tls.key", "--listen", "127.0.0.1:0"],
        "webhook gen-certs" => ["--service", "svc", "--namespace", "ns", "--out", "certs2"],
        // The connection's options matter only for the live cluster, which the others are spared.
        "audit" => option is "--kubeconfig" or "--context" ? [] : ["--cluster", "app.yaml"],
        // The DaemonSet's own options are checked before it reaches for the API server.
        "agent" => option is "--listen" or "--interval" ? ["--node", "node-1"]
            : option is "--kubeconfig" or "--context" or "--cluster" ? ["--once", "--node", "node-1"] : ["--once", "--node", "node-1", "--cluster", "app.yaml"],
        "bench client" => option == "--target" ? [] : ["--target", "127.0.0.1"],
        _ => [],
    };

    /// <summary>Whether argument <paramref name="index"/> is the option under test or its value (it is given bad instead).</summary>
    private static bool IsReplaced(string[] arguments, int index, string option) =>
        arguments[index] == option || (index > 0 && arguments[index - 1] == option);

    private static CliEnvironment Environment() => new(TextWriter.Null, TextWriter.Null, () => Stream.Null, Path.GetTempPath(), false, true);
}
