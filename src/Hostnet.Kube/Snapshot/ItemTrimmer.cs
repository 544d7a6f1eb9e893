using System.Text.Json;
using Hostnet.Kube.Listing;

namespace Hostnet.Kube.Snapshot;

/// <summary>
/// Writes one listed object as <c>kubectl get -o json</c> does inside a <c>List</c> (with its <c>apiVersion</c> and
/// <c>kind</c>), keeping only what hostnet's engine reads: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> without
/// <c>managedFields</c> and the <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation, <c>spec</c> without
/// volumes, and <c>status</c>: for pods only <c>phase</c>, <c>conditions</c>, <c>hostIP</c>, <c>podIP</c> and the container statuses (the agent maps
/// runtime containers to pods by them); for nodes
/// only <c>allocatable</c>, <c>capacity</c>, <c>addresses</c>, <c>conditions</c> and <c>nodeInfo</c> (not the image list);
/// for the other kinds all of it (replica and scheduling counts).
/// </summary>
internal static class ItemTrimmer
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly HashSet<string> PodStatus = new(StringComparer.Ordinal) { "phase", "conditions", "hostIP", "podIP", "containerStatuses", "initContainerStatuses" };
    private static readonly HashSet<string> NodeStatus = new(StringComparer.Ordinal) { "allocatable", "capacity", "addresses", "conditions", "nodeInfo" };

    /// <summary>The pod-spec volumes of each kind, and a StatefulSet's claim templates: dropped.</summary>
    private static readonly Dictionary<string, HashSet<string>> DroppedSpecPaths = new(StringComparer.Ordinal)
    {
        ["Pod"] = new(StringComparer.Ordinal) { "volumes" },
        ["Deployment"] = new(StringComparer.Ordinal) { "template.spec.volumes" },
        ["DaemonSet"] = new(StringComparer.Ordinal) { "template.spec.volumes" },
        ["ReplicaSet"] = new(StringComparer.Ordinal) { "template.spec.volumes" },
        ["Job"] = new(StringComparer.Ordinal) { "template.spec.volumes" },
        ["StatefulSet"] = new(StringComparer.Ordinal) { "template.spec.volumes", "volumeClaimTemplates" },
        ["CronJob"] = new(StringComparer.Ordinal) { "jobTemplate.spec.template.spec.volumes" },
    };

    public static void Write(Utf8JsonWriter writer, ApiResource resource, JsonElement item)
    {
        writer.WriteStartObject();
        writer.WriteString("apiVersion", resource.ApiVersion);
        writer.WriteString("kind", resource.Kind);
        if (item.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("metadata");
            WriteMetadata(writer, metadata);
        }

        if (item.TryGetProperty("spec", out var spec))
        {
            writer.WritePropertyName("spec");
            var dropped = DroppedSpecPaths.GetValueOrDefault(resource.Kind);
            WriteWithout(writer, spec, "", dropped);
        }

        if (item.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            var kept = resource.Kind switch
            {
                "Pod" => PodStatus,
                "Node" => NodeStatus,
                _ => null,
            };
            writer.WritePropertyName("status");
            writer.WriteStartObject();
            foreach (var property in status.EnumerateObject().Where(p => kept is null || kept.Contains(p.Name)))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, JsonElement metadata)
    {
        writer.WriteStartObject();
        foreach (var property in metadata.EnumerateObject())
        {
            if (property.NameEquals("managedFields"))
            {
                continue;
            }

            if (property.NameEquals("annotations") && property.Value.ValueKind == JsonValueKind.Object)
            {
                var annotations = property.Value.EnumerateObject().Where(a => !a.NameEquals(LastApplied)).ToList();
                if (annotations.Count > 0)
                {
                    writer.WritePropertyName("annotations");
                    writer.WriteStartObject();
                    annotations.ForEach(a => a.WriteTo(writer));
                    writer.WriteEndObject();
                }

                continue;
            }

            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Copies <paramref name="element"/> except the object members at the dotted <paramref name="dropped"/> paths.</summary>
    private static void WriteWithout(Utf8JsonWriter writer, JsonElement element, string path, HashSet<string>? dropped)
    {
        if (dropped is null || element.ValueKind != JsonValueKind.Object || !dropped.Any(d => d.StartsWith(path, StringComparison.Ordinal)))
        {
            element.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in element.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (dropped.Contains(childPath))
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            WriteWithout(writer, property.Value, childPath, dropped);
        }

        writer.WriteEndObject();
    }
}
