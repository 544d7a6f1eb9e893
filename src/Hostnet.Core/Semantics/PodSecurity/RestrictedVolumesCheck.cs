using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>restrictedVolumes</c> (1.0): only configMap, csi, downwardAPI, emptyDir, ephemeral,
/// persistentVolumeClaim, projected and secret volumes, and <c>image</c> on clusters from 1.33 (PR #130394 patched
/// the 1.0 revision in place). Overrides hostPathVolumes. Mirrors policy/check_restrictedVolumes.go: a volume
/// without a source is defaulted to emptyDir; another source is named by the first of the restricted types it has.
/// </summary>
internal sealed class RestrictedVolumesCheck : IPodSecurityCheck
{
    private static readonly string[] AllowedSources =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    private static readonly string[] RestrictedTypes =
    [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs",
        "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    ];

    private static readonly Model.KubeVersion ImageAllowed = new(1, 33);

    public string Id => "restrictedVolumes";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public IReadOnlyList<string> Overrides => [HostPathVolumesCheck.CheckId];

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var imageAllowed = pod.Version >= ImageAllowed;
        // Most pods use only allowed sources: no list for them.
        if (!AnyRestricted(pod.Spec.Volumes, imageAllowed))
        {
            return null;
        }

        var bad = pod.Spec.Volumes.Where(v => Restricted(v, imageAllowed)).ToList();

        var types = SortedSet(bad.Select(v => RestrictedTypes.FirstOrDefault(v.Has) ?? "unknown"));
        var detail = string.Join(
            " ",
            Pluralize("volume", "volumes", bad.Count),
            JoinQuote(bad.Select(v => v.Name)),
            Pluralize("uses", "use", bad.Count),
            Pluralize("restricted volume type", "restricted volume types", types.Count),
            JoinQuote(types));
        return new FailedCheck("restricted volume types", detail, bad[0].Path);
    }

    private static bool Restricted(Model.Volume volume, bool imageAllowed)
    {
        if (volume.Sources.Count == 0 || (imageAllowed && volume.Has("image")))
        {
            return false;
        }

        foreach (var allowed in AllowedSources)
        {
            if (volume.Has(allowed))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyRestricted(IReadOnlyList<Model.Volume> volumes, bool imageAllowed)
    {
        for (var i = 0; i < volumes.Count; i++)
        {
            if (Restricted(volumes[i], imageAllowed))
            {
                return true;
            }
        }

        return false;
    }
}
