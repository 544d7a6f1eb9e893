using System.Globalization;
using System.Text;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Tests.Support;

/// <summary>Pods and cluster states for scheduler tests, built from YAML as the loader reads it.</summary>
internal static class SchedulingObjects
{
    private static int _next;

    /// <summary>A pod from a whole Pod manifest.</summary>
    public static PodInfo Pod(string yaml, string? owner = null)
    {
        var workload = Manifests.Workload(yaml);
        return new PodInfo(workload.Metadata.Namespace ?? "default", workload.Name, workload.Metadata.Labels, SchedulingSpec.ForPod(workload.Spec), owner ?? workload.DisplayName);
    }

    /// <summary>A pod whose only container declares host ports written <c>PROTOCOL/IP/PORT</c> (upstream's newPod).</summary>
    public static PodInfo WithHostPorts(params string[] ports)
    {
        var yaml = new StringBuilder($"apiVersion: v1\nkind: Pod\nmetadata: {{name: p{Interlocked.Increment(ref _next)}}}\nspec:\n  containers:\n  - name: c\n    ports:\n");
        foreach (var port in ports)
        {
            var parts = port.Split('/');
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{containerPort: {parts[2]}, hostPort: {parts[2]}, hostIP: \"{parts[1]}\", protocol: \"{parts[0]}\"}}\n");
        }

        return Pod(yaml.ToString());
    }

    /// <summary>A Node with labels, unschedulable flag and allocatable written as YAML flow mappings.</summary>
    public static Node Node(string name, string labels = "{}", string allocatable = "{}", string taints = "[]", bool unschedulable = false) =>
        Objects.One<Node>($"apiVersion: v1\nkind: Node\nmetadata: {{name: {name}, labels: {labels}}}\nspec: {{unschedulable: {(unschedulable ? "true" : "false")}, taints: {taints}}}\nstatus: {{allocatable: {allocatable}}}\n");

    public static ClusterState State(params Node[] nodes) => new(nodes);

    /// <summary>Nodes node-1 … node-n labelled with their host name.</summary>
    public static Node[] Nodes(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Node($"node-{i}", $"{{kubernetes.io/hostname: node-{i}}}"))];
}
