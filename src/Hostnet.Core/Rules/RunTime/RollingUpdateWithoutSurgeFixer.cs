using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// The fix of HN015 (<see cref="DeploymentSurgeHostPorts"/>) and HN016 (<see cref="DaemonSetSurgeHostPorts"/>), one
/// fixer for each: <c>maxSurge: 0</c>, and <c>maxUnavailable: 1</c> unless a non-zero value is written: old pods then
/// free their node (or port) before new ones need it.
/// </summary>
/// <param name="rule">The rule whose findings it repairs.</param>
internal sealed class RollingUpdateWithoutSurgeFixer(RuleDescriptor rule) : IRuleFixer
{
    public RuleDescriptor Rule => rule;

    /// <summary>
    /// Nothing when every finding is about an apiVersion no longer served, which is fixed by hand: the new apiVersion
    /// needs a selector too.
    /// </summary>
    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings) =>
        findings.Any(d => d.FieldPath != "apiVersion") ? [Edits(rule.Id, document, workload)] : [];

    private static IReadOnlyList<FieldEdit> Edits(string rule, ManifestDocument document, Workload workload)
    {
        var strategyPath = workload.Strategy?.Path ?? (workload.Kind == "DaemonSet" ? "spec.updateStrategy" : "spec.strategy");
        var keepUnavailable = workload.Strategy?.MaxUnavailable?.Scale(100, roundUp: true) is > 0;
        var rolling = new JsonObject { ["maxSurge"] = 0 };
        if (!keepUnavailable)
        {
            rolling["maxUnavailable"] = 1;
        }

        var strategy = FieldPaths.Resolve(document.Root, strategyPath);
        if (strategy is null)
        {
            // Beside replicas, or the selector, where people write the strategy; otherwise last.
            var spec = document.Root["spec"] as SourceMapping;
            var after = Array.Find(["replicas", "selector"], key => spec?[key] is not null);
            return [new AddField(rule, "spec", FieldPaths.Steps(strategyPath)[^1], new JsonObject { ["rollingUpdate"] = rolling }, after)];
        }

        if (strategy is not SourceMapping strategyMapping)
        {
            return [];
        }

        var rollingPath = FieldPaths.Child(strategyPath, "rollingUpdate");
        return strategyMapping["rollingUpdate"] switch
        {
            null => [new AddField(rule, strategyPath, "rollingUpdate", rolling)],
            SourceScalar { IsNull: true, Value.Length: > 0 } => [new SetField(rule, rollingPath, rolling)],
            SourceMapping written => [.. rolling.Select(entry => FieldEdits.SetOrAdd(rule, written, rollingPath, entry.Key, entry.Value!))],
            _ => [],
        };
    }
}
