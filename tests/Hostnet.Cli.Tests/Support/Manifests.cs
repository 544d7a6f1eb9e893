namespace Hostnet.Cli.Tests.Support;

/// <summary>Small manifests with a known outcome under the rules of the catalogue.</summary>
internal static class Manifests
{
    /// <summary>No finding.</summary>
    public const string Clean = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: plain
          namespace: apps
        spec:
          containers:
            - name: app
              image: registry.example.com/app:1.0
        """;

    /// <summary>One warning: HN030 on line 7 (hostNetwork without dnsPolicy, and args that name a cluster Service).</summary>
    public const string Warning = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: ops
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: registry.example.com/agent:1.0
              args: [--server=https://collector.ops.svc:4317]
        """;

    /// <summary><see cref="Warning"/> after <c>hostnet fix</c>.</summary>
    public const string WarningFixed = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: ops
        spec:
          hostNetwork: true
          dnsPolicy: ClusterFirstWithHostNet
          containers:
            - name: agent
              image: registry.example.com/agent:1.0
              args: [--server=https://collector.ops.svc:4317]
        """;

    /// <summary>One error: HN001 on line 8 (a look-alike dnsPolicy), and no HN030.</summary>
    public const string Error = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: typo
          namespace: ops
        spec:
          hostNetwork: true
          dnsPolicy: ClusterFirstWithHostNetwork
          containers:
            - name: agent
              image: registry.example.com/agent:1.0
        """;

    /// <summary><see cref="Warning"/> with an ignore annotation for HN030 carrying <paramref name="reason"/>.</summary>
    public static string WarningIgnored(string reason) => Warning.Replace(
        "  namespace: ops\n",
        $"  namespace: ops\n  annotations:\n    hostnet.dev/ignore-HN030: \"{reason}\"\n",
        StringComparison.Ordinal);
}
