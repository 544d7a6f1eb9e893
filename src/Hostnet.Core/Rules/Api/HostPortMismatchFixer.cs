using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Api;

/// <summary>HN002's fix: <c>hostPort</c> = <c>containerPort</c>, where the container port is a valid number.</summary>
internal sealed class HostPortMismatchFixer : IRuleFixer
{
    private const string HostPortSuffix = ".hostPort";

    public RuleDescriptor Rule => HostPortMismatch.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings) =>
        findings.Select(d => HostPortFromContainerPort(document, d.FieldPath!));

    private static IReadOnlyList<FieldEdit> HostPortFromContainerPort(ManifestDocument document, string path)
    {
        if (!path.EndsWith(HostPortSuffix, StringComparison.Ordinal)
            || FieldPaths.Resolve(document.Root, path[..^HostPortSuffix.Length] + ".containerPort") is not SourceScalar containerPort
            || !containerPort.TryGetInt64(out var number)
            || number is < 1 or > 65535)
        {
            return [];
        }

        return [new SetField(HostPortMismatch.Rule.Id, path, JsonValue.Create(number))];
    }
}
