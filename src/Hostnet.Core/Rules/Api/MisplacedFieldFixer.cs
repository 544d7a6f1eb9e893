using System.Globalization;
using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Schema;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN004's fix: a pod-level field written under a container moves to the pod spec; a key in the wrong case gets the
/// spelling of the field it spells. Moves are planned first (<see cref="RuleCatalog.Fixers"/>): they change what the
/// other rules see.
/// </summary>
internal sealed class MisplacedFieldFixer : IRuleFixer
{
    private static readonly Lazy<HashSet<string>> PodSpecFields = new(ReadPodSpecFields);

    public RuleDescriptor Rule => MisplacedField.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings)
    {
        Dictionary<string, string>? spellings = null;
        foreach (var finding in findings)
        {
            var move = PodLevelFieldMove(document, workload, finding.FieldPath!);
            if (move.Count > 0)
            {
                yield return move;
                continue;
            }

            spellings ??= Spellings(document);
            yield return WrongCaseRename(document, finding.FieldPath!, spellings);
        }
    }

    /// <summary>Unknown keys that spell exactly one field of their own struct in another case, by field path.</summary>
    private static Dictionary<string, string> Spellings(ManifestDocument document)
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var violation in StrictDecoder.Check(document))
        {
            if (violation is { Kind: SchemaViolationKind.UnknownField, Spelling: { } spelling })
            {
                spellings.TryAdd(violation.FieldPath, spelling);
            }
        }

        return spellings;
    }

    /// <summary>
    /// <c>hostnetwork:</c> (or <c>HostNetwork:</c>) becomes <c>hostNetwork:</c> when that is the only field of the struct
    /// it spells and the mapping does not already have it: strict decoding matches field names case-sensitively.
    /// </summary>
    private static IReadOnlyList<FieldEdit> WrongCaseRename(ManifestDocument document, string path, Dictionary<string, string> spellings)
    {
        var key = FieldPaths.Steps(path)[^1];
        if (!spellings.TryGetValue(path, out var spelling) || !path.EndsWith(key, StringComparison.Ordinal))
        {
            return [];
        }

        var parent = path.Length == key.Length ? string.Empty : path[..^(key.Length + 1)];
        return FieldPaths.Resolve(document.Root, parent) is SourceMapping mapping && mapping[spelling] is null
            ? [new RenameField(MisplacedField.Rule.Id, parent, key, spelling)]
            : [];
    }

    /// <summary>A pod-spec field written under a container (<c>containers[0].hostNetwork</c>) moves to the pod spec, unless the pod spec says otherwise.</summary>
    private static IReadOnlyList<FieldEdit> PodLevelFieldMove(ManifestDocument document, Workload workload, string path)
    {
        var steps = FieldPaths.Steps(path);
        if (steps.Count < 3 || steps[^3] is not ("containers" or "initContainers" or "ephemeralContainers"))
        {
            return [];
        }

        var key = steps[^1];
        var specPath = workload.Spec.Path;
        if (!PodSpecFields.Value.Contains(key) || !FieldPaths.Steps(specPath).SequenceEqual(steps.Take(steps.Count - 3)))
        {
            return [];
        }

        var containerPath = FieldPaths.Item(FieldPaths.Child(specPath, steps[^3]), int.Parse(steps[^2], CultureInfo.InvariantCulture));
        if (FieldPaths.Resolve(document.Root, path) is not { } node || JsonValues.From(node) is not { } value)
        {
            return [];
        }

        var remove = new RemoveField(MisplacedField.Rule.Id, containerPath, key);
        var existing = FieldPaths.Resolve(document.Root, FieldPaths.Child(specPath, key));
        if (existing is null)
        {
            return [remove, new AddField(MisplacedField.Rule.Id, specPath, key, value)];
        }

        return JsonValues.From(existing) is { } current && JsonNode.DeepEquals(current, value) ? [remove] : [];
    }

    private static HashSet<string> ReadPodSpecFields() =>
        ApiSchema.Default.TryGetRoot("v1", "Pod", out var pod) && pod.Fields.TryGetValue("spec", out var spec) && spec.Struct is { } podSpec
            ? [.. podSpec.Fields.Keys]
            : [];
}
