using Hostnet.Core.Diagnostics;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>HN015's fix: no surge, so a rollout frees a node before it needs one (<see cref="RollingUpdateWithoutSurge"/>).</summary>
public sealed class DeploymentSurgeHostPortsFixer : IRuleFixer
{
    public RuleDescriptor Rule => DeploymentSurgeHostPorts.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings) =>
        RollingUpdateWithoutSurge.For(Rule.Id, document, workload, findings);
}
