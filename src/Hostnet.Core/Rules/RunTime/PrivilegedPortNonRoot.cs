using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN018: a host-network container binds a port below 1024 as a non-root user without NET_BIND_SERVICE. The pod
/// shares the node's network namespace, so the node's net.ipv4.ip_unprivileged_port_start (1024 by default) applies
/// and the pod cannot lower it (a net.* sysctl is refused with host network, validation.go validateSysctls).
/// Reported only when the user is known to be non-root (runAsUser other than 0, or runAsNonRoot), never for
/// privileged containers, and not when the capability is added (the image may carry the file capability a non-root
/// process also needs, kubernetes/kubernetes#56374).
/// </summary>
internal sealed class PrivilegedPortNonRoot : WorkloadRule
{
    private const int UnprivilegedPortStart = 1024;
    private const string Capability = "NET_BIND_SERVICE";

    public static RuleDescriptor Rule { get; } = new(
        "HN018",
        "privileged-port-non-root",
        "A host-network container binds a port below 1024 as non-root without NET_BIND_SERVICE",
        Severity.Warning,
        RuleSection.WillNotRun)
    {
        Messages = [Messages.PermissionDenied, Messages.DropsAll, Messages.DropsCapability, Messages.LacksCapability, Messages.User, Messages.NonRootUser, Messages.DeclaresPort, Messages.ListensOn],
        Fixes = [Fixes.AddCapability],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN018's message: the container ({0}), how it binds the port ({1}: DeclaresPort or ListensOn), the user ({2}: User
    /// or NonRootUser) and what its capabilities lack ({3}: DropsAll, DropsCapability or LacksCapability).
    /// </summary>
    internal static class Messages
    {
        public static RuleText PermissionDenied { get; } = new(
            nameof(PermissionDenied),
            "container '{0}' {1} but runs as {2} and {3}: on the host network the node's net.ipv4.ip_unprivileged_port_start (1024 by default) applies, so binding it fails with \"permission denied\" and the container crash-loops");

        public static RuleText DropsAll { get; } = new(nameof(DropsAll), "drops ALL capabilities");

        public static RuleText DropsCapability { get; } = new(nameof(DropsCapability), "drops " + Capability);

        public static RuleText LacksCapability { get; } = new(nameof(LacksCapability), "does not add " + Capability);

        public static RuleText User { get; } = new(nameof(User), "user {0}");

        public static RuleText NonRootUser { get; } = new(nameof(NonRootUser), "a non-root user (runAsNonRoot)");

        public static RuleText DeclaresPort { get; } = new(nameof(DeclaresPort), "declares port {0}");

        public static RuleText ListensOn { get; } = new(nameof(ListensOn), "listens on {0} ({1})");
    }

    internal static class Fixes
    {
        public static RuleText AddCapability { get; } = new(
            nameof(AddCapability),
            "add " + Capability + " to securityContext.capabilities.add (a non-root process also needs the file capability on its binary), or use a port of 1024 or above");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork)
        {
            return;
        }

        foreach (var container in spec.LongRunningContainers)
        {
            var security = container.SecurityContext;
            if (security.Privileged == true || security.Adds(Capability) || security.Adds("ALL"))
            {
                continue;
            }

            // Most containers bind no low port: the user is worded only for those that do.
            var listeners = context.ListenersOf(workload).Of(container);
            if (!BindsLowPort(container, listeners) || NonRootUser(security, spec.SecurityContext) is not { } user)
            {
                continue;
            }

            var capabilities = (security.Drops("ALL") ? Messages.DropsAll
                : security.Drops(Capability) ? Messages.DropsCapability
                : Messages.LacksCapability).Text;
            foreach (var (binding, path) in LowPorts(container, listeners))
            {
                context.Report(
                    Rule,
                    workload,
                    path,
                    Messages.PermissionDenied.With(container.Name, binding, user, capabilities),
                    Fixes.AddCapability.Text);
            }
        }
    }

    /// <summary>The user when it is known not to be root: the container's runAsUser/runAsNonRoot over the pod's.</summary>
    private static string? NonRootUser(SecurityContext container, SecurityContext pod)
    {
        if ((container.RunAsUser ?? pod.RunAsUser) is { } uid)
        {
            return uid == 0 ? null : Messages.User.With(uid);
        }

        return (container.RunAsNonRoot ?? pod.RunAsNonRoot) == true ? Messages.NonRootUser.Text : null;
    }

    /// <summary>A port only root (or CAP_NET_BIND_SERVICE) may bind: 1–1023.</summary>
    private static bool IsPrivileged(int port) => port is > 0 and < UnprivilegedPortStart;

    /// <summary>Whether the container declares or evidently listens on a port below 1024.</summary>
    private static bool BindsLowPort(Container container, IReadOnlyList<InferredListener> listeners)
    {
        for (var i = 0; i < container.Ports.Count; i++)
        {
            if (IsPrivileged(container.Ports[i].ContainerPortNumber))
            {
                return true;
            }
        }

        for (var i = 0; i < listeners.Count; i++)
        {
            if (IsPrivileged(listeners[i].Port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Declared ports below 1024, then evident listeners below 1024 it does not declare; one per number.</summary>
    private static IEnumerable<(string Binding, string Path)> LowPorts(Container container, IReadOnlyList<InferredListener> listeners)
    {
        var declared = container.Ports
            .Where(p => IsPrivileged(p.ContainerPortNumber))
            .Select(p => (Number: p.ContainerPortNumber, Binding: Messages.DeclaresPort.With(PortText.Of(p.ContainerPortNumber, p.EffectiveProtocol)), Path: p.Path + ".containerPort"));
        var inferred = listeners
            .Where(l => IsPrivileged(l.Port))
            .Select(l => (Number: l.Port, Binding: Messages.ListensOn.With(l.PortText, l.Evidence), Path: l.FieldPath));
        return declared.Concat(inferred)
            .DistinctBy(p => p.Number)
            .Select(p => (p.Binding, p.Path));
    }
}
