namespace Hostnet.Bench.Workload;

/// <summary>What the generator wrote, for the report header: counts that let a reader check the mix.</summary>
internal sealed record GeneratedSet(
    string Directory,
    int Files,
    int Resources,
    long Bytes,
    IReadOnlyDictionary<string, int> Kinds,
    int PodBearing,
    int HostNetwork,
    int Namespaces,
    int NamespacesWithPodSecurity);
