using Hostnet.Core.Diagnostics;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>HN016's fix: no surge, so the old pod frees its ports before the new one needs them (<see cref="RollingUpdateWithoutSurge"/>).</summary>
public sealed class DaemonSetSurgeHostPortsFixer : IRuleFixer
{
    public RuleDescriptor Rule => DaemonSetSurgeHostPorts.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings) =>
        RollingUpdateWithoutSurge.For(Rule.Id, document, workload, findings);
}
