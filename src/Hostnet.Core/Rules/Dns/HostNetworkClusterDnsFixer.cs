using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Core.Rules.Dns;

/// <summary>
/// HN030's fix, as the finding's own fix text decides: <c>dnsPolicy: ClusterFirstWithHostNet</c> only where the pod
/// shows it resolves cluster names, since it makes the pod depend on cluster DNS (a bootstrap loop for a CNI agent);
/// <c>dnsPolicy: Default</c> otherwise (the same resolver it already gets, now on purpose).
/// </summary>
internal sealed class HostNetworkClusterDnsFixer : IRuleFixer
{
    public RuleDescriptor Rule => HostNetworkClusterDns.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings)
    {
        var spec = workload.Spec.Path;
        if (FieldPaths.Resolve(document.Root, spec) is not SourceMapping specMapping)
        {
            return [[]];
        }

        var policy = findings[0].Fix == HostNetworkClusterDns.Fixes.UseClusterDns.Text ? DnsPolicy.ClusterFirstWithHostNet : DnsPolicy.Default;
        return [[FieldEdits.SetOrAdd(Rule.Id, specMapping, spec, "dnsPolicy", JsonValue.Create(policy), after: "hostNetwork")]];
    }
}
