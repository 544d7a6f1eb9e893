using System.Collections.Frozen;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Controllers;

/// <summary>
/// The beta workload API versions the API server stopped serving in Kubernetes 1.16 (kubernetes/kubernetes
/// CHANGELOG-1.16: "The following APIs are no longer served by default: All resources under apps/v1beta1 and
/// apps/v1beta2 - use apps/v1 instead; daemonsets, deployments, replicasets resources under extensions/v1beta1 - use
/// apps/v1 instead").
/// </summary>
internal static class RemovedApiVersion
{
    /// <summary>The first release that no longer serves them.</summary>
    public static KubeVersion RemovedIn { get; } = new(1, 16);

    private static readonly FrozenSet<string> Workloads = FrozenSet.Create(StringComparer.Ordinal, "Deployment", "DaemonSet", "ReplicaSet");

    /// <summary>Whether <paramref name="apiVersion"/> is one of the removed beta versions of a workload kind.</summary>
    public static bool IsRemovedWorkloadVersion(string apiVersion, string kind) =>
        Workloads.Contains(kind) && apiVersion is "extensions/v1beta1" or "apps/v1beta1" or "apps/v1beta2"
        && !(kind == "DaemonSet" && apiVersion == "apps/v1beta1");

    /// <summary>
    /// What <c>kubectl apply</c> prints for an object whose group/version the server does not serve: the RESTMapper's
    /// NoKindMatchError (staging/src/k8s.io/apimachinery/pkg/api/meta/errors.go) wrapped by cli-runtime
    /// (staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go, infoForData), whose second line is
    /// "ensure CRDs are installed first".
    /// </summary>
    /// <param name="name">The object's name as written.</param>
    /// <param name="namespace">The object's namespace as written (empty when absent: kubectl reads the object, not the default).</param>
    /// <param name="source">The file as given to kubectl.</param>
    public static string KubectlMessage(string name, string @namespace, string apiVersion, string kind, string source) =>
        $"resource mapping not found for name: \"{name}\" namespace: \"{@namespace}\" from \"{source}\": no matches for kind \"{kind}\" in version \"{apiVersion}\"";
}
