using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Expansion;

/// <summary>
/// The pods a workload's controller creates: <c>replicas</c> pods for Deployments, ReplicaSets, ReplicationControllers
/// and StatefulSets (1 when absent); <c>parallelism</c> pods for a Job (1 when absent, at most <c>completions</c>);
/// one Job run for a CronJob; for a DaemonSet one pod per node the controller selects (node name, node affinity and
/// taints with the default tolerations, not ports or resources: SEMANTICS.md §4.3), pinned to its node by node-name
/// affinity. Pods carry the template's labels plus those the controller adds that selectors use
/// (<c>pod-template-hash</c>, <c>statefulset.kubernetes.io/pod-name</c>), and the pod (anti-)affinity terms the API
/// server stores for such labels on a cluster of <c>version</c> (<see cref="PodAffinityLabelKeys"/>). Names follow
/// <see cref="ControllerNames"/>.
/// </summary>
internal static class WorkloadExpander
{
    /// <summary>The pods on a cluster of the latest release hostnet mirrors.</summary>
    public static IReadOnlyList<ExpandedPod> Expand(Workload workload, string @namespace, IReadOnlyList<NodeInfo> nodes) =>
        Expand(workload, @namespace, nodes, KubeVersion.Latest);

    public static IReadOnlyList<ExpandedPod> Expand(Workload workload, string @namespace, IReadOnlyList<NodeInfo> nodes, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(nodes);
        var owner = workload.DisplayName;
        var labels = workload.Template.Metadata.Labels;
        switch (workload.Kind)
        {
            case "Pod":
                return [new ExpandedPod(new PodInfo(@namespace, workload.Name, labels, SchedulingSpec.ForPod(PodAffinityLabelKeys.Applied(workload.Spec, labels, version)), owner), workload)];
            case "DaemonSet":
                return DaemonSetPods(workload, @namespace, nodes, version);
            case "StatefulSet":
            {
                // The template's labels: a key only one ordinal carries (its pod name) would select that pod alone.
                var spec = SchedulingSpec.ForPod(PodAffinityLabelKeys.Applied(workload.Spec, labels, version));
                return [.. Enumerable.Range(0, Count(workload)).Select(i =>
                {
                    var name = workload.Name + "-" + i.ToString(CultureInfo.InvariantCulture);
                    var podLabels = With(labels, "statefulset.kubernetes.io/pod-name", name);
                    return new ExpandedPod(new PodInfo(@namespace, name, podLabels, spec, owner), workload);
                })];
            }

            default:
            {
                var (baseName, podLabels) = workload.Kind switch
                {
                    "Deployment" => ReplicaSetOf(workload, labels),
                    "CronJob" => (JobOf(workload), labels),
                    _ => (workload.Name, labels),
                };
                var spec = SchedulingSpec.ForPod(PodAffinityLabelKeys.Applied(workload.Spec, podLabels, version));
                return [.. Enumerable.Range(0, Count(workload)).Select(i => new ExpandedPod(
                    new PodInfo(@namespace, ControllerNames.Generated(baseName, i.ToString(CultureInfo.InvariantCulture)), podLabels, spec, owner),
                    workload))];
            }
        }
    }

    /// <summary>How many pods the controller runs at once.</summary>
    public static int Count(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.Kind switch
        {
            "Job" or "CronJob" => Math.Max(0, Math.Min(workload.Parallelism ?? 1, workload.Completions ?? int.MaxValue)),
            "Pod" => 1,
            _ => Math.Max(0, workload.EffectiveReplicas),
        };
    }

    private static ExpandedPod[] DaemonSetPods(Workload workload, string @namespace, IReadOnlyList<NodeInfo> nodes, KubeVersion version)
    {
        var podSpec = PodAffinityLabelKeys.Applied(workload.Spec, workload.Template.Metadata.Labels, version);
        var selects = NodeEligibility.ForDaemonSetPod(workload.Spec);
        // One pod per node, all with the template's containers: their host ports and requests are worked out once.
        var ports = HostPorts.Wanted(podSpec);
        var requests = ResourceAmounts.Requests(podSpec);
        return [.. nodes
            .Where(n => DefaultProfile.Admits(selects, n.Node))
            .Select(n => new ExpandedPod(
                new PodInfo(
                    @namespace,
                    ControllerNames.Generated(workload.Name, n.Name),
                    workload.Template.Metadata.Labels,
                    SchedulingSpec.ForDaemonSetPod(Semantics.Placement.DaemonSetPods.PodFor(podSpec, n.Name), ports, requests),
                    workload.DisplayName),
                workload))];
    }

    /// <summary>The ReplicaSet a Deployment creates, <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>, and its pods' labels.</summary>
    private static (string Name, IReadOnlyDictionary<string, string> Labels) ReplicaSetOf(Workload deployment, IReadOnlyDictionary<string, string> labels)
    {
        var hash = ControllerNames.PodTemplateHash(deployment);
        return (deployment.Name + "-" + hash, With(labels, "pod-template-hash", hash));
    }

    /// <summary>
    /// The Job of one CronJob run, <c>&lt;cronjob&gt;-&lt;scheduled time in minutes&gt;</c> upstream; hostnet has no
    /// clock and puts an 8-digit number derived from the template in its place.
    /// </summary>
    private static string JobOf(Workload cronJob)
    {
        var minutes = 20000000 + (NodeScoring.Hash(cronJob.Name, ControllerNames.PodTemplateHash(cronJob)) % 20000000);
        return cronJob.Name + "-" + minutes.ToString(CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> labels, string key, string value) =>
        new(labels, StringComparer.Ordinal) { [key] = value };
}
