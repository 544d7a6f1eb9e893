using System.Text.Json.Nodes;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// The fix HN015 and HN016 share: <c>maxSurge: 0</c>, and <c>maxUnavailable: 1</c> unless a non-zero value is written:
/// old pods then free their node (or port) before new ones need it.
/// </summary>
internal static class RollingUpdateWithoutSurge
{
    /// <summary>
    /// The edits for a rule's findings on one workload; none when every finding is about an apiVersion no longer served,
    /// which is fixed by hand: the new apiVersion needs a selector too.
    /// </summary>
    public static IEnumerable<IReadOnlyList<FieldEdit>> For(string rule, ManifestDocument document, Workload workload, IEnumerable<Diagnostic> findings) =>
        findings.Any(d => d.FieldPath != "apiVersion") ? [Edits(rule, document, workload)] : [];

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
