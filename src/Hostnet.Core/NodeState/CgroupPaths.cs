using System.Text.RegularExpressions;

namespace Hostnet.Core.NodeState;

/// <summary>
/// Reads <c>/proc/&lt;pid&gt;/cgroup</c> (cgroups(7): <c>hierarchy-ID:controllers:path</c> lines; cgroup v2 has the one
/// line <c>0::path</c>) and finds the pod and container in the path as the kubelet and the runtimes name them:
/// <list type="bullet">
/// <item>cgroupfs driver: <c>/kubepods/&lt;qos&gt;/pod&lt;uid&gt;/&lt;id&gt;</c>, Guaranteed pods directly under
/// <c>/kubepods/pod&lt;uid&gt;</c> (kubernetes pkg/kubelet/cm/qos_container_manager_linux.go, pod_container_manager_linux.go,
/// v1.35);</item>
/// <item>systemd driver: <c>kubepods.slice/kubepods-&lt;qos&gt;.slice/kubepods-&lt;qos&gt;-pod&lt;uid with _ for -&gt;.slice</c>
/// (pkg/kubelet/cm/cgroup_manager_linux.go, ToSystemd escapes dashes), the container in
/// <c>cri-containerd-&lt;id&gt;.scope</c> (containerd), <c>crio-&lt;id&gt;.scope</c> (CRI-O) or
/// <c>docker-&lt;id&gt;.scope</c> (cri-dockerd).</item>
/// </list>
/// The pod may sit deeper than the root (kind nodes nest it under the node container's cgroup, and name the slices
/// <c>kubelet-kubepods-…</c>), so the path is searched
/// segment by segment; the container is the segment right after the pod's.
/// </summary>
public static partial class CgroupPaths
{
    public static CgroupIdentity Parse(string cgroupFile)
    {
        ArgumentNullException.ThrowIfNull(cgroupFile);
        foreach (var line in cgroupFile.Split('\n'))
        {
            var path = line.Split(':', 3) is [_, _, var p] ? p : null;
            if (path is not null && ParsePath(path) is { } identity)
            {
                return identity;
            }
        }

        return CgroupIdentity.None;
    }

    /// <summary>The pod and container of one cgroup path, or null when it is no pod's.</summary>
    public static CgroupIdentity? ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var pod = PodSegment().Match(segments[i]);
            if (!pod.Success)
            {
                continue;
            }

            var container = i + 1 < segments.Length ? ContainerSegment().Match(segments[i + 1]) : Match.Empty;
            var qos = pod.Groups["qos"].Success ? pod.Groups["qos"].Value
                : i > 0 && segments[i - 1] is "besteffort" or "burstable" ? segments[i - 1]
                : null;
            return new CgroupIdentity(
                pod.Groups["uid"].Value.Replace('_', '-'),
                container.Success ? container.Groups["id"].Value : null,
                qos switch { "besteffort" => "BestEffort", "burstable" => "Burstable", _ => "Guaranteed" });
        }

        return null;
    }

    [GeneratedRegex(@"^(?:kubelet-)?(?:kubepods-(?:(?<qos>besteffort|burstable)-)?)?pod(?<uid>[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})(?:\.slice)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PodSegment();

    [GeneratedRegex(@"^(?:cri-containerd-|crio-|docker-)?(?<id>[0-9a-f]{64})(?:\.scope)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerSegment();
}
