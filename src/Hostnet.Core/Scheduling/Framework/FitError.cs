using System.Globalization;
using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// The <c>FailedScheduling</c> message of a pod that fits no node, byte for byte as kube-scheduler prints it.
/// Mirrors pkg/scheduler/framework/types.go, FitError.Error (SEMANTICS.md §3.4), and schedule_one.go's
/// ErrNoNodesAvailable for a cluster without nodes.
/// </summary>
/// <param name="NumAllNodes">Every node of the cluster, including those a PreFilter result left out.</param>
/// <param name="Diagnosis">The per-node verdicts and the PreFilter and PostFilter messages.</param>
internal sealed record FitError(int NumAllNodes, Diagnosis Diagnosis)
{
    /// <summary>The releases that printed the PostFilter message with a trailing period (PRs #110894, #117588).</summary>
    private static readonly KubeVersion PeriodAfterPostFilterFrom = new(1, 25);

    private static readonly KubeVersion PeriodAfterPostFilterUntil = new(1, 27);

    /// <summary>schedule_one.go, ErrNoNodesAvailable: the whole message when the cluster has no nodes.</summary>
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <summary>
    /// <c>0/N nodes are available: &lt;PreFilter message&gt;.</c>, or the reason histogram (<c>&lt;count&gt; &lt;reason&gt;</c>
    /// sorted in byte order, so <c>10 …</c> comes before <c>2 …</c>), then the PostFilter message.
    /// </summary>
    public string Error(KubeVersion version)
    {
        if (NumAllNodes == 0)
        {
            return NoNodesAvailable;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"0/{NumAllNodes} nodes are available:");
        if (!string.IsNullOrEmpty(Diagnosis.PreFilterMessage))
        {
            message += $" {Diagnosis.PreFilterMessage}.";
        }
        else if (Histogram() is { Count: > 0 } histogram)
        {
            message += " " + string.Join(", ", histogram) + ".";
        }

        if (!string.IsNullOrEmpty(Diagnosis.PostFilterMessage))
        {
            message += version >= PeriodAfterPostFilterFrom && version <= PeriodAfterPostFilterUntil
                ? $" {Diagnosis.PostFilterMessage}."
                : $" {Diagnosis.PostFilterMessage}";
        }

        return message;
    }

    private List<string> Histogram()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var status in Diagnosis.NodeToStatus.Values)
        {
            foreach (var reason in status.Reasons)
            {
                counts[reason] = counts.GetValueOrDefault(reason) + 1;
            }
        }

        var absent = NumAllNodes - Diagnosis.NodeToStatus.Count;
        if (absent > 0 && Diagnosis.AbsentNodesStatus is { } absentStatus)
        {
            foreach (var reason in absentStatus.Reasons)
            {
                counts[reason] = counts.GetValueOrDefault(reason) + absent;
            }
        }

        // Go's sort.Strings: byte order of the formatted entries, counts included.
        return [.. counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key}")).Order(StringComparer.Ordinal)];
    }
}
