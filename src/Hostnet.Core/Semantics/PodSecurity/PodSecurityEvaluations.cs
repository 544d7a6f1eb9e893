namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// The check results of one pod spec, each check run at most once per policy version: a request's modes share most
/// checks (restricted runs the baseline checks; warn often follows enforce; audit and warn are often both restricted),
/// and a controller is admitted twice, as its template and as the pods it creates, which only a check that reads host
/// ports (<see cref="IPodSecurityCheck.ReadsHostPorts"/>) sees apart. For the evaluations of one spec, its annotations
/// and cluster version; not thread-safe (one per workload and thread).
/// </summary>
internal sealed class PodSecurityEvaluations
{
    // One slot per check and view (a host-port reader's pod view apart) for the first version asked, which is nearly
    // always the only one: an array of ~40 small entries where a dictionary grew through four sizes for every workload.
    private readonly Result[] _first = new Result[2 * PodSecurityEvaluator.All.Count];
    private Dictionary<(int Check, int Minor, bool? IsPod), FailedCheck?>? _otherVersions;
    private EvaluatedPodSpec? _pod;

    /// <summary>What <see cref="PodSecurityEvaluator.Evaluate(LevelVersion, EvaluatedPodSpec)"/> gives, from checks run at most once.</summary>
    public PodSecurityResult Of(LevelVersion mode, EvaluatedPodSpec pod) => PodSecurityEvaluator.Evaluate(mode, pod, this);

    /// <summary>The result of the check at <paramref name="index"/> of <see cref="PodSecurityEvaluator.All"/> on the pod at the resolved <paramref name="version"/>, run on first use.</summary>
    internal FailedCheck? Check(int index, EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        _pod ??= pod;
        if (!ReferenceEquals(pod.Spec, _pod.Spec) || !ReferenceEquals(pod.Annotations, _pod.Annotations) || pod.Version != _pod.Version)
        {
            throw new ArgumentException("the evaluations of one spec, with its annotations and cluster version", nameof(pod));
        }

        var check = PodSecurityEvaluator.All[index];
        var isPod = check.ReadsHostPorts ? pod.IsPod : (bool?)null;
        ref var slot = ref _first[(2 * index) + (isPod == true ? 1 : 0)];
        if (!slot.Known)
        {
            slot = new Result(true, version.Minor, PodSecurityEvaluator.Run(check, pod, version));
            return slot.Failed;
        }

        if (slot.Minor == version.Minor)
        {
            return slot.Failed;
        }

        var key = (index, version.Minor, isPod);
        _otherVersions ??= [];
        if (!_otherVersions.TryGetValue(key, out var result))
        {
            _otherVersions[key] = result = PodSecurityEvaluator.Run(check, pod, version);
        }

        return result;
    }

    /// <summary>A check's result at one version, once it has run.</summary>
    private readonly record struct Result(bool Known, int Minor, FailedCheck? Failed);
}
