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
    private readonly Dictionary<(IPodSecurityCheck Check, int Minor, bool? IsPod), FailedCheck?> _results = [];
    private EvaluatedPodSpec? _first;

    /// <summary>What <see cref="PodSecurityEvaluator.Evaluate(LevelVersion, EvaluatedPodSpec)"/> gives, from checks run at most once.</summary>
    public PodSecurityResult Of(LevelVersion mode, EvaluatedPodSpec pod) => PodSecurityEvaluator.Evaluate(mode, pod, this);

    /// <summary>The check's result on the pod at the resolved <paramref name="version"/>, run on first use.</summary>
    internal FailedCheck? Check(IPodSecurityCheck check, EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        _first ??= pod;
        if (!ReferenceEquals(pod.Spec, _first.Spec) || !ReferenceEquals(pod.Annotations, _first.Annotations) || pod.Version != _first.Version)
        {
            throw new ArgumentException("the evaluations of one spec, with its annotations and cluster version", nameof(pod));
        }

        var key = (check, version.Minor, check.ReadsHostPorts ? pod.IsPod : (bool?)null);
        if (!_results.TryGetValue(key, out var result))
        {
            _results[key] = result = PodSecurityEvaluator.Run(check, pod, version);
        }

        return result;
    }
}
