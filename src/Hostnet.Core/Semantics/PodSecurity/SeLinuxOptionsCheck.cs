using Hostnet.Core.Model;
using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>seLinuxOptions</c> (1.0; 1.31 adds <c>container_engine_t</c>): no user or role, and a type from the
/// allowed set. Mirrors policy/check_seLinuxOptions.go (selinuxAllowedTypes1_0, selinuxAllowedTypes1_31).
/// </summary>
internal sealed class SeLinuxOptionsCheck : IPodSecurityCheck
{
    private static readonly string[] AllowedTypes = [string.Empty, "container_t", "container_init_t", "container_kvm_t"];

    public string Id => "seLinuxOptions";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        // Most pods set no options at all: they pass without the closures below.
        return pod.Spec.SecurityContext.SeLinuxOptions is null && Failing(pod, s => s.SeLinuxOptions is not null).Count == 0
            ? null
            : CheckOptions(pod, version);
    }

    private static FailedCheck? CheckOptions(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        bool Allowed(string type) => AllowedTypes.Contains(type, StringComparer.Ordinal) || (version.IsAtLeast(31) && type == "container_engine_t");
        bool Valid(SeLinuxOptions? options) => options is null || (Allowed(options.Type) && options.User.Length == 0 && options.Role.Length == 0);

        var podOptions = pod.Spec.SecurityContext.SeLinuxOptions;
        var bad = Failing(pod, s => !Valid(s.SeLinuxOptions));
        if (Setters(!Valid(podOptions), Names(bad)) is not { } setters)
        {
            return null;
        }

        var options = (Valid(podOptions) ? [] : new[] { podOptions! }).Concat(bad.Select(c => c.SecurityContext.SeLinuxOptions!)).ToList();
        var types = SortedSet(options.Select(o => o.Type).Where(t => !Allowed(t)));
        var data = new List<string>(3);
        if (types.Count > 0)
        {
            data.Add($"{Pluralize("type", "types", types.Count)} {JoinQuote(types)}");
        }

        if (options.Any(o => o.User.Length > 0))
        {
            data.Add("user may not be set");
        }

        if (options.Any(o => o.Role.Length > 0))
        {
            data.Add("role may not be set");
        }

        var path = Valid(podOptions) ? Field(bad[0], "seLinuxOptions") : Field(pod.Spec, "seLinuxOptions");
        return new FailedCheck("seLinuxOptions", $"{setters} set forbidden securityContext.seLinuxOptions: {string.Join("; ", data)}", path);
    }
}
