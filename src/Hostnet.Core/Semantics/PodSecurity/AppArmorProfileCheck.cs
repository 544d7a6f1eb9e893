using Hostnet.Core.Semantics.Validation;
using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>appArmorProfile</c> (1.0): only <c>RuntimeDefault</c> and <c>Localhost</c> profiles, and AppArmor
/// annotations that are empty, <c>runtime/default</c> or <c>localhost/…</c>. Mirrors policy/check_appArmorProfile.go:
/// clusters from 1.30 check the <c>appArmorProfile</c> fields as well and word the detail as setters ("pod and
/// container "a" must not set AppArmor profile type to …"); older ones check only the annotations and list them.
/// </summary>
internal sealed class AppArmorProfileCheck : IPodSecurityCheck
{
    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    private static readonly Model.KubeVersion FieldsChecked = new(1, 30);

    public string Id => "appArmorProfile";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        // Most pods carry no AppArmor annotation: no sorting or paths for them.
        List<string> annotations = pod.Annotations.Count == 0 || !pod.Annotations.Keys.Any(k => k.StartsWith(AnnotationPrefix, StringComparison.Ordinal)) ? [] : SortedSet(pod.Annotations
            .Where(a => a.Key.StartsWith(AnnotationPrefix, StringComparison.Ordinal) && !AllowedAnnotation(a.Value))
            .Select(a => a.Key + "=" + FieldError.GoQuote(a.Value)));
        if (pod.Version < FieldsChecked)
        {
            return annotations.Count == 0
                ? null
                : new FailedCheck(Reason(annotations.Count), string.Join(", ", annotations), AnnotationsPath(pod.Spec));
        }

        var podBad = pod.Spec.SecurityContext.AppArmorProfileType is { } podType && !AllowedType(podType);
        var bad = Failing(pod, s => s.AppArmorProfileType is { } type && !AllowedType(type));
        if (!podBad && bad.Count == 0 && annotations.Count == 0)
        {
            return null;
        }

        var values = SortedSet(bad.Select(c => c.SecurityContext.AppArmorProfileType!)
            .Concat(podBad ? [pod.Spec.SecurityContext.AppArmorProfileType!] : []));
        var setters = Setters(podBad, Names(bad));
        if (annotations.Count > 0)
        {
            var annotationSetter = Pluralize("annotation", "annotations", annotations.Count);
            setters = setters is null ? annotationSetter : setters + " and " + annotationSetter;
            values.AddRange(annotations);
        }

        if (setters is null)
        {
            return null;
        }

        var path = podBad ? Field(pod.Spec, "appArmorProfile.type") : bad.Count > 0 ? Field(bad[0], "appArmorProfile.type") : AnnotationsPath(pod.Spec);
        return new FailedCheck(Reason(values.Count), $"{setters} must not set AppArmor profile type to {JoinQuote(values)}", path);
    }

    private static string Reason(int count) => Pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", count);

    private static bool AllowedType(string type) => type is "RuntimeDefault" or "Localhost";

    private static bool AllowedAnnotation(string value) =>
        value.Length == 0 || value == "runtime/default" || value.StartsWith("localhost/", StringComparison.Ordinal);
}
