using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>HN010's fix: each undeclared listener becomes a port of the container with the evidence, named as the evidence suggests.</summary>
internal sealed class UndeclaredHostListenerFixer : IRuleFixer
{
    public RuleDescriptor Rule => UndeclaredHostListener.Rule;

    public IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings)
    {
        var paths = findings.Select(d => d.FieldPath!).ToHashSet(StringComparer.Ordinal);
        var undeclared = new PodListeners(workload.Spec).Undeclared
            .Where(u => !u.ContradictsDeclaredPorts && paths.Contains(u.Listener.FieldPath));
        foreach (var container in undeclared.GroupBy(u => u.Container))
        {
            var names = container.Key.Ports.Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var items = new List<JsonNode>();
            foreach (var listener in container.Select(u => u.Listener))
            {
                var item = new JsonObject();
                if (listener.Name is { } name && names.Add(name))
                {
                    item["name"] = name;
                }

                item["containerPort"] = listener.Port;
                if (listener.Protocol != "TCP")
                {
                    item["protocol"] = listener.Protocol;
                }

                items.Add(item);
            }

            var portsPath = FieldPaths.Child(container.Key.Path, "ports");
            var rule = Rule.Id;
            yield return FieldPaths.Resolve(document.Root, portsPath) switch
            {
                SourceSequence => [.. items.Select(item => new AppendItem(rule, portsPath, item))],
                null when FieldPaths.Resolve(document.Root, container.Key.Path) is SourceMapping => [new AddField(rule, container.Key.Path, "ports", new JsonArray([.. items]))],
                _ => [],
            };
        }
    }
}
