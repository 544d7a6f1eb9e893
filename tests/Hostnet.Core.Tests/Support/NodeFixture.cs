using System.Globalization;
using System.Text.RegularExpressions;
using Hostnet.Core.NodeState;
using Hostnet.Core.Runs;

namespace Hostnet.Core.Tests.Support;

/// <summary>
/// A node-rule fixture (testdata/node/&lt;ID&gt;-&lt;slug&gt;/*.yaml): the pods of the API as a snapshot (node
/// <c>node-a</c>), and in comments what the agent saw and what the rules must find:
/// <list type="bullet">
/// <item><c># listen: TCP 0.0.0.0:8080 pid=42 cmdline=/usr/bin/web cgroup=/kubepods/besteffort/pod&lt;uid&gt;/&lt;id&gt;</c>
/// (the cgroup path is read as the one line of a cgroup v2 <c>/proc/&lt;pid&gt;/cgroup</c>; <c>pid=-</c> for a socket no
/// process could be found for);</item>
/// <item><c># now: 2026-12-04T12:10:00Z</c> (default that time);</item>
/// <item><c># expect: HN060 default/web/web 8081/TCP</c> (<c>-</c> for a finding about no pod).</item>
/// </list>
/// </summary>
internal static partial class NodeFixture
{
    public const string NodeName = "node-a";

    public static readonly DateTimeOffset DefaultNow = new(2026, 12, 4, 12, 10, 0, TimeSpan.Zero);

    public static NodeReport Analyze(string text)
    {
        var snapshot = Fixtures.Cluster(text);
        var listeners = new List<ScannedListener>();
        foreach (Match listen in Listen().Matches(text))
        {
            var endpoint = listen.Groups["endpoint"].Value;
            var colon = endpoint.LastIndexOf(':');
            var socket = new NodeSocket(
                listen.Groups["protocol"].Value,
                endpoint[..colon].Trim('[', ']'),
                int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture),
                (ulong)(listeners.Count + 1000));
            var processes = listen.Groups["pid"].Value == "-"
                ? []
                : new[]
                {
                    new NodeProcess(
                        int.Parse(listen.Groups["pid"].Value, CultureInfo.InvariantCulture),
                        listen.Groups["cmdline"].Value.Split('/')[^1],
                        listen.Groups["cmdline"].Value,
                        CgroupPaths.Parse("0::" + listen.Groups["cgroup"].Value)),
                };
            listeners.Add(new ScannedListener(socket, processes));
        }

        var now = Now().Match(text) is { Success: true } at ? DateTimeOffset.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) : DefaultNow;
        var view = NodeView.Build(new NodeScan(listeners), new NodePods(NodeName, snapshot.Pods), now, NodeView.DefaultGrace);
        return NodeAnalyzer.Analyze(view);
    }

    /// <summary>The <c># expect:</c> lines, as <see cref="Describe"/> writes findings.</summary>
    public static IReadOnlyList<string> Expected(string text) => [.. Expect().Matches(text).Select(m => m.Groups[1].Value.Trim()).Order(StringComparer.Ordinal)];

    public static string Describe(NodeFinding finding) =>
        $"{finding.Rule.Id} {(finding.Pod is null ? "-" : $"{finding.Namespace}/{finding.PodName}" + (finding.Container is null ? string.Empty : "/" + finding.Container))} {finding.Port}/{finding.Protocol}";

    [GeneratedRegex(@"^# listen: (?<protocol>TCP|UDP) (?<endpoint>\S+) pid=(?<pid>\S+)(?: cmdline=(?<cmdline>\S+))?(?: cgroup=(?<cgroup>\S+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex Listen();

    [GeneratedRegex(@"^# now: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Now();

    [GeneratedRegex(@"^# expect: (.+)$", RegexOptions.Multiline)]
    private static partial Regex Expect();
}
