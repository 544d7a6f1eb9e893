namespace Hostnet.Bench.Workload;

/// <summary>
/// A generated namespace. Platform namespaces hold most node agents (host-network DaemonSets); application
/// namespaces hold mostly ordinary Deployments, and some enforce Pod Security.
/// </summary>
internal sealed record NamespacePlan(string Name, string Team, bool IsPlatform, string? PodSecurityEnforce, string? PodSecurityWarn);
