using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Api;

/// <summary>HN001's fix: the nearest valid <c>dnsPolicy</c>, where one is near enough to be what was meant.</summary>
internal sealed class InvalidDnsPolicyFixer : IRuleFixer
{
    public RuleDescriptor Rule => InvalidDnsPolicy.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings) =>
        findings.Select(d => NearestPolicy(document, d.FieldPath!));

    private static IReadOnlyList<FieldEdit> NearestPolicy(ManifestDocument document, string path)
    {
        if (FieldPaths.Resolve(document.Root, path) is not SourceScalar written || InvalidDnsPolicy.Suggestion(written.Value) is not { } suggestion)
        {
            return [];
        }

        return [new SetField(InvalidDnsPolicy.Rule.Id, path, JsonValue.Create(suggestion))];
    }
}
