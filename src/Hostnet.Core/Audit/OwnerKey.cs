namespace Hostnet.Core.Audit;

/// <summary>The top-level owner of pods: a Deployment, DaemonSet, StatefulSet, CronJob, …, or a bare Pod itself.</summary>
public sealed record OwnerKey(string Namespace, string Kind, string Name)
{
    /// <summary><c>Kind/name</c>, as kubectl names objects.</summary>
    public override string ToString() => $"{Kind}/{Name}";
}
