using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// The wording helpers the checks share: pod-security-admission policy/helpers.go (<c>joinQuote</c>,
/// <c>pluralize</c>) and the "pod and containers …" setter lists several checks build.
/// </summary>
internal static class PodSecurityText
{
    /// <summary><c>"a", "b"</c>; empty for no items.</summary>
    public static string JoinQuote(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? string.Empty : "\"" + string.Join("\", \"", list) + "\"";
    }

    public static string Pluralize(string singular, string plural, int count) => count == 1 ? singular : plural;

    /// <summary><c>container "a"</c> or <c>containers "a", "b"</c>.</summary>
    public static string Containers(IReadOnlyList<string> names) =>
        Pluralize("container", "containers", names.Count) + " " + JoinQuote(names);

    /// <summary><c>pod</c>, <c>containers "a", "b"</c> or <c>pod and container "a"</c>; null when nothing is at fault.</summary>
    public static string? Setters(bool pod, IReadOnlyList<string> containers) => (pod, containers.Count > 0) switch
    {
        (false, false) => null,
        (true, false) => "pod",
        (false, true) => Containers(containers),
        (true, true) => "pod and " + Containers(containers),
    };

    /// <summary>Whether the list holds the text (ordinal): a loop, where LINQ's <c>Contains</c> with a comparer enumerates through the interface.</summary>
    public static bool Contains(IReadOnlyList<string> items, string text)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.Equals(items[i], text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sorted and de-duplicated, as Go's <c>sets.String.List()</c> returns them.</summary>
    public static List<string> SortedSet(IEnumerable<string> items) => [.. items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The containers (in visit order) whose security context fails the test.</summary>
    public static IReadOnlyList<Container> Failing(EvaluatedPodSpec pod, Func<SecurityContext, bool> fails)
    {
        // Every check of every evaluation asks, and most find none: a plain loop over the three lists, in the order of
        // PodSpec.AllContainers, that makes a list only for the first container that fails.
        List<Container>? failing = null;
        AddFailing(ref failing, pod.Spec.InitContainers, fails);
        AddFailing(ref failing, pod.Spec.Containers, fails);
        AddFailing(ref failing, pod.Spec.EphemeralContainers, fails);
        return failing ?? (IReadOnlyList<Container>)[];
    }

    private static void AddFailing(ref List<Container>? failing, IReadOnlyList<Container> containers, Func<SecurityContext, bool> fails)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            if (fails(containers[i].SecurityContext))
            {
                (failing ??= []).Add(containers[i]);
            }
        }
    }

    /// <summary>The containers' names, in their order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<Container> containers)
    {
        if (containers.Count == 0)
        {
            return [];
        }

        var names = new string[containers.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = containers[i].Name;
        }

        return names;
    }

    /// <summary>The path of a field below a container's security context.</summary>
    public static string Field(Container container, string field) => container.Path + ".securityContext." + field;

    /// <summary>The path of the annotations beside a pod spec: <c>metadata.annotations</c>, <c>spec.template.metadata.annotations</c>.</summary>
    public static string AnnotationsPath(PodSpec spec) => spec.Path[..^"spec".Length] + "metadata.annotations";

    /// <summary>The path of a field below the pod's security context.</summary>
    public static string Field(PodSpec spec, string field) => spec.Path + ".securityContext." + field;
}
