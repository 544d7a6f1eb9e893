using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Admission;

/// <summary>
/// Admission without I/O: runs the object of a review through the same checker as <c>hostnet check</c> with the
/// policy's options, adds what the policy itself forbids, and turns the findings into a decision by the policy's
/// actions and mode. The review holds one object and no Namespace, so cross-object rules see that object alone and
/// HN050 (Pod Security) never fires: the API server's own Pod Security admission enforces the namespace's labels.
/// </summary>
public static class AdmissionEvaluator
{
    /// <summary>The file name findings are reported under (they carry field paths; positions mean nothing here).</summary>
    public const string ObjectFile = "request.object";

    private const string DefaultServiceAccount = "default";

    /// <summary>The largest object the API server accepts (its request body limit), so the loader's bound.</summary>
    private static readonly LoaderLimits Limits = LoaderLimits.Default with { MaxFileBytes = 3L * 1024 * 1024 };

    /// <summary>A bound on the checkers kept per policy: a cluster has fewer namespaces than this, a flood of invented ones is not kept.</summary>
    private const int MaxCachedNamespaces = 4096;

    /// <summary>The checker of each policy in use (its options, the rules it turns on), by namespace; a replaced policy's go with it.</summary>
    private static readonly ConditionalWeakTable<WebhookPolicy, ConcurrentDictionary<string, ManifestChecker>> CheckersByPolicy = new();

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController",
    };

    /// <summary>Whether hostnet checks objects of this kind: Pods and every controller of pods.</summary>
    public static bool ChecksKind(string kind) => Kinds.Contains(kind);

    /// <summary>Whether hostnet checks this request: a workload kind, CREATE or UPDATE, the object itself (no subresource).</summary>
    public static bool Handles(AdmissionSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return ChecksKind(subject.Kind)
            && subject.Operation is "CREATE" or "UPDATE"
            && string.IsNullOrEmpty(subject.SubResource)
            && subject.Object is not null;
    }

    /// <summary>
    /// The validating decision. An UPDATE is denied only for findings it introduces: what the old object already had
    /// becomes a warning, so that removing a finalizer or scaling never gets stuck on an object admitted earlier.
    /// </summary>
    public static AdmissionDecision Validate(AdmissionSubject subject, WebhookPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Handles(subject))
        {
            return AdmissionDecision.Ignored;
        }

        var findings = Findings(subject.LoadedObject ?? Load(subject.Object!.Value), subject, policy);
        if (subject.Operation == "UPDATE" && subject.OldObject is not null && findings.Any(f => f.Action == PolicyAction.Deny))
        {
            var old = Findings(Load(subject.OldObject.Value), subject, policy);
            findings = [.. findings.Select(f => f.Action == PolicyAction.Deny && old.Any(f.SameAs) ? f with { Action = PolicyAction.Warn } : f)];
        }

        return Decide(subject, policy.Mode, findings);
    }

    /// <summary>
    /// The mutating decision: always admitted, with the JSON Patch of the fixes the policy turns on (the same fixes as
    /// <c>hostnet fix</c>, from the fix engine). Nothing in dryrun mode, where the webhook only observes.
    /// </summary>
    public static AdmissionDecision Mutate(AdmissionSubject subject, WebhookPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Handles(subject))
        {
            return AdmissionDecision.Ignored;
        }

        if (policy.Mode == PolicyMode.DryRun || policy.Mutations.Count == 0)
        {
            return AdmissionDecision.Unchanged;
        }

        var operations = new ManifestFixer(CheckerFor(subject, policy), RuleCatalog.Fixers, policy.Mutations).PatchFor(ObjectFile, subject.Object!.Value, subject.LoadedObject);
        return operations.Count == 0
            ? AdmissionDecision.Unchanged
            : AdmissionDecision.Unchanged with
            {
                Verdict = AdmissionVerdict.Mutated,
                Patch = JsonPatch.ToJson(operations),
                Changes = [.. operations.Select(o => $"{o.Op} {o.Path}")],
            };
    }

    /// <summary>The options a check runs with: the policy's configuration, in the request's namespace.</summary>
    public static AnalysisOptions OptionsFor(AdmissionSubject subject, WebhookPolicy policy) => CheckerFor(subject, policy).Options;

    /// <summary>The checker with <see cref="OptionsFor"/>'s options and hostnet's rules.</summary>
    private static ManifestChecker CheckerFor(AdmissionSubject subject, WebhookPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(policy);
        // It depends on the policy and the namespace alone: built once for each (with the rules the policy leaves on),
        // not for every review.
        var byNamespace = CheckersByPolicy.GetValue(policy, static _ => new ConcurrentDictionary<string, ManifestChecker>(StringComparer.Ordinal));
        var @namespace = subject.Namespace ?? string.Empty;
        if (byNamespace.TryGetValue(@namespace, out var cached))
        {
            return cached;
        }

        var options = policy.Config.ApplyTo(AnalysisOptions.Default);
        options = @namespace.Length == 0 ? options : options with { DefaultNamespace = @namespace };
        var checker = new ManifestChecker(options, RuleCatalog.Rules);
        return byNamespace.Count < MaxCachedNamespaces ? byNamespace.GetOrAdd(@namespace, checker) : checker;
    }

    /// <summary>
    /// Loads the JSON of an object (JSON is YAML) as a check would: plain JSON straight from its UTF-8 bytes, anything
    /// else (which the text's readers report or read their own way) from its decoded text.
    /// </summary>
    public static LoadResult Load(ReadOnlyMemory<byte> json) => Loader.LoadJson(ObjectFile, json.Span);

    /// <summary>
    /// <see cref="Load"/> of the object <paramref name="reader"/> is on inside the review's body, read on to its end,
    /// so that the body is tokenised once (<see cref="ManifestLoader.TryLoadJson(string, ref Utf8JsonReader, ReadOnlySpan{byte})"/>);
    /// null where that reader leaves the object to <see cref="Load"/>, and the reader then stands anywhere inside it.
    /// </summary>
    /// <param name="reader">A reader over <paramref name="body"/>, on the object's first token; left on its last.</param>
    /// <param name="body">The review's body, the reader's whole input.</param>
    public static LoadResult? TryLoad(ref Utf8JsonReader reader, ReadOnlySpan<byte> body) => Loader.TryLoadJson(ObjectFile, ref reader, body);

    /// <summary>A loader of one object under <see cref="Limits"/>: sharing its strings would cost more than it saves.</summary>
    private static ManifestLoader Loader => new(Limits) { ShareStrings = false };

    private static List<AdmissionFinding> Findings(LoadResult loaded, AdmissionSubject subject, WebhookPolicy policy)
    {
        var checker = CheckerFor(subject, policy);
        var options = checker.Options;
        var report = checker.Check([loaded], out var run);
        var findings = new List<AdmissionFinding>(report.Diagnostics.Count);
        foreach (var diagnostic in report.Diagnostics)
        {
            var action = diagnostic.IsSuppressed ? PolicyAction.Off : policy.ActionFor(diagnostic.Rule.Id, diagnostic.Severity);
            if (action != PolicyAction.Off)
            {
                findings.Add(new AdmissionFinding(diagnostic.Rule.Id, diagnostic.FieldPath, diagnostic.Message, diagnostic.Fix, action));
            }
        }

        if (policy.RestrictsHostAccess)
        {
            foreach (var workload in run.Workloads)
            {
                AddPolicyFindings(findings, workload, run.HostPortsOf(workload), options.DefaultNamespace, policy);
            }
        }

        return findings;
    }

    /// <summary>What the policy itself forbids the workload: host networking or host ports for who it is, ports out of range.</summary>
    private static void AddPolicyFindings(List<AdmissionFinding> findings, Workload workload, IReadOnlyList<HostPortBinding> bindings, string defaultNamespace, WebhookPolicy policy)
    {
        var spec = workload.Spec;
        var @namespace = workload.NamespaceOr(defaultNamespace);
        var serviceAccount = ServiceAccountOf(workload);
        var images = spec.AllContainers.Select(c => c.Image).OfType<string>().ToArray();
        var who = $"namespace \"{@namespace}\", service account \"{serviceAccount}\"";
        if (spec.HostNetwork && policy.HostNetwork is { } network && !network.Allows(@namespace, serviceAccount, images))
        {
            Add(
                PolicyFinding.HostNetworkNotAllowed,
                Fields.Join(spec.Path, "hostNetwork"),
                $"the webhook policy does not allow host networking for {who} (allowed: {network.Describe()})",
                "drop hostNetwork, or run it where the policy allows host networking");
        }

        if (bindings.Count == 0)
        {
            return;
        }

        if (policy.HostPorts is { } ports && !ports.Allows(@namespace, serviceAccount, images))
        {
            Add(
                PolicyFinding.HostPortNotAllowed,
                bindings[0].FieldPath,
                $"the webhook policy does not allow host ports ({string.Join(", ", bindings)}) for {who} (allowed: {ports.Describe()})",
                "use a Service instead of host ports, or run it where the policy allows host ports");
        }

        if (policy.RangesFor(@namespace) is { } ranges)
        {
            foreach (var binding in bindings.Where(b => !ranges.Any(r => r.Contains(b.Port))))
            {
                Add(
                    PolicyFinding.HostPortOutOfRange,
                    binding.FieldPath,
                    $"host port {binding} is outside the ranges the webhook policy allows in namespace \"{@namespace}\" ({string.Join(", ", ranges)})",
                    $"pick a host port in {string.Join(", ", ranges)}");
            }
        }

        void Add(string id, string? fieldPath, string message, string fix)
        {
            var action = policy.ActionFor(id, Severity.Error);
            if (action != PolicyAction.Off)
            {
                findings.Add(new AdmissionFinding(id, fieldPath, message, fix, action));
            }
        }
    }

    /// <summary><c>serviceAccountName</c>, or the deprecated <c>serviceAccount</c>, or the API's default.</summary>
    private static string ServiceAccountOf(Workload workload)
    {
        var spec = FieldPaths.Resolve(workload.Source.Root, workload.Spec.Path) as SourceMapping;
        return Fields.String(spec, "serviceAccountName") ?? Fields.String(spec, "serviceAccount") ?? DefaultServiceAccount;
    }

    private static AdmissionDecision Decide(AdmissionSubject subject, PolicyMode mode, IReadOnlyList<AdmissionFinding> findings)
    {
        var denials = new List<AdmissionFinding>();
        var warnings = new List<string>();
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var action = finding.Action;
            if (action == PolicyAction.Deny)
            {
                denials.Add(finding);
            }

            if (mode switch
            {
                PolicyMode.Enforce => action == PolicyAction.Warn,
                PolicyMode.Warn => action is PolicyAction.Warn or PolicyAction.Deny,
                _ => false,
            })
            {
                warnings.Add(finding.ToString());
            }

            if (mode == PolicyMode.DryRun || action == PolicyAction.Audit)
            {
                // One annotation per rule, its findings joined in their order.
                var key = finding.Id.ToLowerInvariant();
                var text = finding.FieldPath is null ? finding.Message : $"{finding.FieldPath}: {finding.Message}";
                annotations[key] = annotations.TryGetValue(key, out var earlier) ? earlier + "; " + text : text;
            }
        }

        if (denials.Count > 0 && mode == PolicyMode.Enforce)
        {
            return new AdmissionDecision(false, AdmissionVerdict.Denied, findings, DenialMessage(subject, denials), warnings, annotations);
        }

        var verdict = denials.Count > 0 ? AdmissionVerdict.WouldDeny
            : warnings.Count > 0 ? AdmissionVerdict.Warned
            : AdmissionVerdict.Allowed;
        return new AdmissionDecision(true, verdict, findings, null, warnings, annotations);
    }

    private static string DenialMessage(AdmissionSubject subject, List<AdmissionFinding> denials)
    {
        var count = denials.Count == 1 ? "1 finding" : $"{denials.Count} findings";
        var lines = denials.Select(d => "- " + d);
        return $"hostnet: the {subject.Kind} has {count} the policy denies:\n{string.Join("\n", lines)}";
    }
}
