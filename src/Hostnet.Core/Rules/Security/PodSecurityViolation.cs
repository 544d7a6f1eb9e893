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
        RuleSection.SecurityAndPolicy)
    {
        Messages =
        [
            Messages.Denied, Messages.PodsRejected, Messages.ControllerWarned, Messages.ControllerAccepted, Messages.LosesHostPort,
            StatefulSetPodValidation.FailedCreateEvent, Messages.FailedCreate, Messages.OnReplicaSet, Messages.OnJobs, Messages.OnController,
            Messages.Warned, Messages.Audited, Messages.Admitted, Messages.PodAdmitted, Messages.PodsAdmitted,
        ],
        Fixes = [Fixes.PrivilegedNamespace],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN050's messages. A Pod the admission rejects: its message ({0}). A controller whose pods it rejects: where the
    /// events go ({0}: OnReplicaSet, OnJobs or OnController with the kind) and the event ({1}: StatefulSetPodValidation.FailedCreateEvent
    /// with the name, or FailedCreate, each with the admission's message), then what applying the controller prints
    /// (ControllerWarned with the kind and the warning, or ControllerAccepted with the kind) and, when the template's
    /// warning misses the defaulted hostPort, LosesHostPort. Admitted with a warning or an audit annotation: the message
    /// ({0}, or the annotation and the message) and why it is admitted (Admitted: PodAdmitted or PodsAdmitted, and the
    /// enforce level).
    /// </summary>
    internal static class Messages
    {
        public static RuleText Denied { get; } = new(nameof(Denied), "{0}");

        public static RuleText PodsRejected { get; } = new(nameof(PodsRejected), "every pod it creates is rejected, as FailedCreate events on {0}: {1}");

        public static RuleText ControllerWarned { get; } = new(nameof(ControllerWarned), "; applying the {0} itself only prints \"Warning: {1}\"");

        public static RuleText ControllerAccepted { get; } = new(nameof(ControllerAccepted), "; applying the {0} itself succeeds without a warning");

        public static RuleText LosesHostPort { get; } = new(
            nameof(LosesHostPort),
            " (which leaves out the hostPort: since 1.28 only Pods get hostPort defaulted from containerPort, templates do not)");

        public static RuleText FailedCreate { get; } = new(nameof(FailedCreate), "Error creating: {0}");

        public static RuleText OnReplicaSet { get; } = new(nameof(OnReplicaSet), "its ReplicaSet");

        public static RuleText OnJobs { get; } = new(nameof(OnJobs), "its Jobs");

        public static RuleText OnController { get; } = new(nameof(OnController), "the {0}");

        public static RuleText Warned { get; } = new(nameof(Warned), "Warning: {0} ({1}; kubectl prints the warning)");

        public static RuleText Audited { get; } = new(nameof(Audited), "audit annotation {0}: {1} ({2}; only the audit log records it)");

        public static RuleText Admitted { get; } = new(nameof(Admitted), "{0} because enforce is \"{1}\"");

        public static RuleText PodAdmitted { get; } = new(nameof(PodAdmitted), "the pod is admitted");

        public static RuleText PodsAdmitted { get; } = new(nameof(PodsAdmitted), "its pods are admitted");
    }

    /// <summary>HN050's fix: the namespace ({0}) and its levels ({1}, <c>enforce …, warn …, audit …</c>).</summary>
    internal static class Fixes
    {
        public static RuleText PrivilegedNamespace { get; } = new(
            nameof(PrivilegedNamespace),
            "run it in a namespace whose Pod Security level is privileged (namespace \"{0}\" has {1}), or drop what the admission names (host namespaces, host ports, probe hosts, …)");
    }

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

        // Worded only for a finding: most workloads pass.
        var fix = new Fix(@namespace, policy);
        if (workload.IsPod)
        {
            CheckPod(workload, policy, context, fix);
        }
        else
        {
            CheckController(workload, policy, context, fix);
        }
    }

    private static void CheckPod(Workload pod, PodSecurityPolicy policy, AnalysisContext context, Fix fix)
    {
        var response = PodSecurityAdmission.ValidatePod(policy, pod.Metadata.Name, AdmittedPod(pod, context.Options.KubeVersion));
        if (response.Denial is { } denial)
        {
            context.Report(Rule, pod, FirstField(denial), Messages.Denied.With(denial.Text), fix.Text);
        }
        else
        {
            ReportAdmitted(pod, policy, response, Messages.PodAdmitted.Text, context, fix);
        }
    }

    private static void CheckController(Workload workload, PodSecurityPolicy policy, AnalysisContext context, Fix fix)
    {
        var version = context.Options.KubeVersion;
        // The template and its pods are mostly evaluated alike: each distinct evaluation once.
        var evaluations = new PodSecurityEvaluations();
        var template = PodSecurityAdmission.ValidatePodController(policy, workload.Template, version, evaluations);
        var pods = PodSecurityAdmission.ValidatePod(policy, PodName(workload), AdmittedPod(workload, version), evaluations);
        if (pods.Denial is not { } denial)
        {
            ReportAdmitted(workload, policy, template, Messages.PodsAdmitted.Text, context, fix);
            return;
        }

        // One concatenation: the parts are long (each holds the admission's whole detail), and every copy counts.
        var message = string.Concat(
            Messages.PodsRejected.With(EventSubject(workload), FailedCreate(workload, denial.Text)),
            template.Warning is { } warning ? Messages.ControllerWarned.With(workload.Kind, warning.Text) : Messages.ControllerAccepted.With(workload.Kind),
            template.Warning is not null && LosesDefaultedHostPort(workload, policy.Enforce, denial, version, evaluations) ? Messages.LosesHostPort.Text : string.Empty);
        context.Report(Rule, workload, FirstField(denial), message, fix.Text);
    }

    private static void ReportAdmitted(Workload workload, PodSecurityPolicy policy, PodSecurityResponse response, string admitted, AnalysisContext context, Fix fix)
    {
        var reason = Messages.Admitted.With(admitted, policy.Enforce);
        if (response.Warning is { } warning)
        {
            context.Report(Rule, workload, FirstField(warning), Messages.Warned.With(warning.Text, reason), fix.Text, Severity.Warning);
        }
        else if (response.AuditViolation is { } audit)
        {
            context.Report(Rule, workload, FirstField(audit), Messages.Audited.With(PodSecurityAdmission.AuditViolationsAnnotation, audit.Text, reason), fix.Text, Severity.Warning);
        }
    }

    /// <summary>A Pod (or a pod the controller creates from its template, with the template's annotations) as admitted.</summary>
    private static EvaluatedPodSpec AdmittedPod(Workload workload, KubeVersion version) =>
        EvaluatedPodSpec.Pod(workload.Spec, version) with { Annotations = workload.Template.Metadata.Annotations };

    /// <summary>Whether the template, as stored, lists other host ports than its pods get (1.28+ defaulting).</summary>
    private static bool LosesDefaultedHostPort(Workload workload, LevelVersion enforce, AdmissionMessage denial, KubeVersion version, PodSecurityEvaluations evaluations)
    {
        var inPods = HostPortDetail(denial.Result);
        return inPods is not null && inPods != HostPortDetail(evaluations.Of(enforce, EvaluatedPodSpec.Template(workload.Spec, version) with { Annotations = workload.Template.Metadata.Annotations }));
    }

    private static string? HostPortDetail(PodSecurityResult result) =>
        result.Violations.FirstOrDefault(v => v.Reason == HostPortsCheck.Reason)?.Detail;

    /// <summary>The name the controller gives its pods: StatefulSet ordinals, generated suffixes otherwise.</summary>
    private static string PodName(Workload workload) =>
        workload.Kind == "StatefulSet" ? workload.Name + "-0" : workload.Name + "-…";

    /// <summary>The controller events' text: statefulset/stateful_pod_control.go (recordPodEvent), controller_utils.go otherwise.</summary>
    private static string FailedCreate(Workload workload, string error) =>
        workload.Kind == "StatefulSet"
            ? StatefulSetPodValidation.FailedCreateEvent.With(workload.Name, error)
            : Messages.FailedCreate.With(error);

    private static string EventSubject(Workload workload) => workload.Kind switch
    {
        "Deployment" => Messages.OnReplicaSet.Text,
        "CronJob" => Messages.OnJobs.Text,
        _ => Messages.OnController.With(workload.Kind),
    };

    private static string FirstField(AdmissionMessage message) => message.Result.Violations[0].FieldPath;

    /// <summary>The fix of a finding in a namespace under a policy, worded when asked for.</summary>
    private readonly record struct Fix(string Namespace, PodSecurityPolicy Policy)
    {
        public string Text => Fixes.PrivilegedNamespace.With(Namespace, $"enforce {Policy.Enforce}, warn {Policy.Warn}, audit {Policy.Audit}");
    }
}
