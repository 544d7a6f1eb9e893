using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;

namespace Hostnet.Core.Rules.Security;

/// <summary>
/// HN050: the namespace's Pod Security labels forbid what the pod asks for. Evaluated as Pod Security admission does
/// (pod-security-admission admission/admission.go, ValidatePod and ValidatePodController): a Pod is enforced after
/// defaulting; a workload is only warned about and audited, on its template as stored, while the pods its controller
/// creates are enforced, so they are rejected with events the user rarely sees. The message is the admission's text.
/// The namespace's level comes from a Namespace object of the input; without one the built-in defaults
/// (privileged) apply and nothing is reported.
/// </summary>
internal sealed class PodSecurityViolation : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN050",
        "pod-security-violation",
        "The namespace's Pod Security level forbids what the pod asks for",
        Severity.Error,
        RuleSection.SecurityAndPolicy);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var @namespace = context.NamespaceOf(workload);
        if (!context.Namespaces.TryGetValue(@namespace, out var namespaceObject))
        {
            return;
        }

        var policy = PodSecurityPolicy.FromLabels(namespaceObject.Metadata.Labels);
        if (policy.FullyPrivileged)
        {
            return;
        }

        var fix = $"run it in a namespace whose Pod Security level is privileged (namespace \"{@namespace}\" has {Describe(policy)}), or drop what the admission names (host namespaces, host ports, probe hosts, …)";
        if (workload.IsPod)
        {
            CheckPod(workload, policy, context, fix);
        }
        else
        {
            CheckController(workload, policy, context, fix);
        }
    }

    private static void CheckPod(Workload pod, PodSecurityPolicy policy, AnalysisContext context, string fix)
    {
        var response = PodSecurityAdmission.ValidatePod(policy, pod.Metadata.Name, AdmittedPod(pod, context.Options.KubeVersion));
        if (response.Denial is { } denial)
        {
            context.Report(Rule, pod, FirstField(denial), denial.Text, fix);
        }
        else
        {
            ReportAdmitted(pod, policy, response, "the pod is admitted", context, fix);
        }
    }

    private static void CheckController(Workload workload, PodSecurityPolicy policy, AnalysisContext context, string fix)
    {
        var version = context.Options.KubeVersion;
        var template = PodSecurityAdmission.ValidatePodController(policy, workload.Template, version);
        var pods = PodSecurityAdmission.ValidatePod(policy, PodName(workload), AdmittedPod(workload, version));
        if (pods.Denial is not { } denial)
        {
            ReportAdmitted(workload, policy, template, "its pods are admitted", context, fix);
            return;
        }

        var message = $"every pod it creates is rejected, as FailedCreate events on {EventSubject(workload)}: {FailedCreate(workload, denial.Text)}";
        message += template.Warning is { } warning
            ? $"; applying the {workload.Kind} itself only prints \"Warning: {warning.Text}\""
            : $"; applying the {workload.Kind} itself succeeds without a warning";
        if (template.Warning is not null && LosesDefaultedHostPort(workload, policy.Enforce, denial, version))
        {
            message += " (which leaves out the hostPort: since 1.28 only Pods get hostPort defaulted from containerPort, templates do not)";
        }

        context.Report(Rule, workload, FirstField(denial), message, fix);
    }

    private static void ReportAdmitted(Workload workload, PodSecurityPolicy policy, PodSecurityResponse response, string admitted, AnalysisContext context, string fix)
    {
        var reason = $"{admitted} because enforce is \"{policy.Enforce}\"";
        if (response.Warning is { } warning)
        {
            context.Report(Rule, workload, FirstField(warning), $"Warning: {warning.Text} ({reason}; kubectl prints the warning)", fix, Severity.Warning);
        }
        else if (response.AuditViolation is { } audit)
        {
            context.Report(Rule, workload, FirstField(audit), $"audit annotation {PodSecurityAdmission.AuditViolationsAnnotation}: {audit.Text} ({reason}; only the audit log records it)", fix, Severity.Warning);
        }
    }

    /// <summary>A Pod (or a pod the controller creates from its template, with the template's annotations) as admitted.</summary>
    private static EvaluatedPodSpec AdmittedPod(Workload workload, KubeVersion version) =>
        EvaluatedPodSpec.Pod(workload.Spec, version) with { Annotations = workload.Template.Metadata.Annotations };

    /// <summary>Whether the template, as stored, lists other host ports than its pods get (1.28+ defaulting).</summary>
    private static bool LosesDefaultedHostPort(Workload workload, LevelVersion enforce, AdmissionMessage denial, KubeVersion version)
    {
        var inPods = HostPortDetail(denial.Result);
        return inPods is not null && inPods != HostPortDetail(PodSecurityEvaluator.Evaluate(enforce, EvaluatedPodSpec.Template(workload.Spec, version) with { Annotations = workload.Template.Metadata.Annotations }));
    }

    private static string? HostPortDetail(PodSecurityResult result) =>
        result.Violations.FirstOrDefault(v => v.Reason == HostPortsCheck.Reason)?.Detail;

    /// <summary>The name the controller gives its pods: StatefulSet ordinals, generated suffixes otherwise.</summary>
    private static string PodName(Workload workload) =>
        workload.Kind == "StatefulSet" ? workload.Name + "-0" : workload.Name + "-…";

    /// <summary>The controller events' text: statefulset/stateful_pod_control.go (recordPodEvent), controller_utils.go otherwise.</summary>
    private static string FailedCreate(Workload workload, string error) =>
        workload.Kind == "StatefulSet"
            ? $"create Pod {workload.Name}-0 in StatefulSet {workload.Name} failed error: {error}"
            : $"Error creating: {error}";

    private static string EventSubject(Workload workload) => workload.Kind switch
    {
        "Deployment" => "its ReplicaSet",
        "CronJob" => "its Jobs",
        _ => "the " + workload.Kind,
    };

    private static string FirstField(AdmissionMessage message) => message.Result.Violations[0].FieldPath;

    private static string Describe(PodSecurityPolicy policy) =>
        $"enforce {policy.Enforce}, warn {policy.Warn}, audit {policy.Audit}";
}
