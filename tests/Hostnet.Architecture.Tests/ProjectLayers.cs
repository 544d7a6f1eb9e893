namespace Hostnet.Architecture.Tests;

/// <summary>
/// The projects of src/ and the projects each may reference (docs/architecture.md). The CLI is the one executable and
/// hosts the others; the webhook, the agent, the API client and the network bench are I/O shells over the core, and
/// a shell uses no other shell but the API client.
/// </summary>
internal static class ProjectLayers
{
    public const string Core = "Hostnet.Core";
    public const string Kube = "Hostnet.Kube";
    public const string NetBench = "Hostnet.NetBench";
    public const string Webhook = "Hostnet.Webhook";
    public const string Agent = "Hostnet.Agent";
    public const string Cli = "Hostnet.Cli";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> MayReference { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Core] = [],
        [Kube] = [Core],
        [NetBench] = [Core],
        [Webhook] = [Core, Kube],
        [Agent] = [Core, Kube],
        [Cli] = [Core, Kube, NetBench, Webhook, Agent],
    };

    /// <summary>The assembly each project builds (the CLI builds <c>hostnet</c>, the command users run).</summary>
    public static string AssemblyOf(string project) => project == Cli ? "hostnet" : project;
}
