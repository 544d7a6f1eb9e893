using System.Globalization;
using Hostnet.Core.Scheduling.Planning;

namespace Hostnet.Core.Reporting;

/// <summary>
/// <c>hostnet plan</c> as text: the table <c>kubectl get pods -o wide</c> prints (NAMESPACE first when several appear),
/// then, for each pod of the input that would not run, what <c>kubectl describe pod</c> would tell, then the summary.
/// </summary>
public static class PlanTextWriter
{
    private const string None = "<none>";

    public static void Write(PlanResult plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        WriteTable(plan.Pods, output);
        var failing = plan.Pods.Where(p => p.WouldNotRun && p.Message is not null && p.FromInput).ToList();
        if (failing.Count > 0)
        {
            output.WriteLine();
        }

        foreach (var pod in failing)
        {
            var certainty = pod.Certain ? "whatever the scheduler chooses" : "in this run (it depends on where the scheduler puts the pods)";
            output.WriteLine($"{pod.Namespace}/{pod.Name} ({pod.Owner}): {pod.DisplayStatus}, {certainty}");
            output.WriteLine(pod.Status switch
            {
                "Pending" => $"  Warning  FailedScheduling  default-scheduler  {pod.Message}",
                "Failed" => $"  Status: Failed  Reason: {pod.Reason}  Message: {pod.Message}",
                _ => $"  {pod.Message}",
            });
            if (pod.NominatedNode is not null)
            {
                output.WriteLine($"  Nominated node: {pod.NominatedNode} (evicting lower-priority pods there would make room)");
            }
        }

        if (plan.Refused.Count > 0 && failing.Count == 0)
        {
            output.WriteLine();
        }

        foreach (var refused in plan.Refused)
        {
            output.WriteLine($"{refused.Namespace}/{refused.Name} ({refused.DisplayName}): rejected by {refused.RefusedBy}, no pod of it is created");
            output.WriteLine($"  {refused.Message}");
        }

        foreach (var rollout in plan.Rollouts)
        {
            output.WriteLine($"rollout of {rollout.Workload}: {rollout.OutcomeName}: {rollout.Reason}");
        }

        output.WriteLine();
        foreach (var (owner, stuck, total) in plan.CertainFailures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stuck} of {total} pods of {owner} cannot run whatever the scheduler chooses."));
        }

        foreach (var group in plan.Pods.Where(p => p.FromInput && p.Status == "Running").GroupBy(p => (p.Namespace, p.Owner)))
        {
            var nodes = string.Join(", ", group.Select(p => p.Node).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var certainty = group.All(p => p.Certain) ? "whatever the scheduler chooses" : "in this run (the scheduler may choose other nodes)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Count()} pod(s) of {group.Key.Owner} placed on {nodes} {certainty}."));
        }

        foreach (var note in plan.Notes)
        {
            output.WriteLine("note: " + note);
        }

        if (plan.Refused.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Refused.Count} object(s) of the input rejected: {string.Join(", ", plan.Refused.Select(r => r.DisplayName))}."));
        }

        var input = plan.Pods.Where(p => p.FromInput).ToList();
        var counts = input.GroupBy(p => p.DisplayStatus).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{input.Count} pod(s) from the input on {plan.NodeCount} node(s){(input.Count > 0 ? ": " + string.Join(", ", counts) : string.Empty)}."));
    }

    private static void WriteTable(IReadOnlyList<PlannedPod> pods, TextWriter output)
    {
        var withNamespace = pods.Select(p => p.Namespace).Distinct(StringComparer.Ordinal).Count() > 1;
        var rows = new List<string[]> { withNamespace ? ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "IP", "NODE"] : ["NAME", "READY", "STATUS", "RESTARTS", "IP", "NODE"] };
        foreach (var pod in pods)
        {
            string[] cells = [pod.Name, pod.Ready, pod.DisplayStatus, pod.Restarts, pod.IP ?? None, pod.Node ?? None];
            rows.Add(withNamespace ? [pod.Namespace, .. cells] : cells);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("   ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }
    }
}
