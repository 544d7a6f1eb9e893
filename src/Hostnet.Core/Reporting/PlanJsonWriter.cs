using Hostnet.Core.Scheduling.Planning;

namespace Hostnet.Core.Reporting;

/// <summary><c>hostnet plan --format json</c>, as docs/json-output.md documents it: stable property order.</summary>
public static class PlanJsonWriter
{
    public static void Write(PlanResult plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("pods");
            foreach (var pod in plan.Pods)
            {
                json.WriteStartObject();
                json.WriteString("namespace", pod.Namespace);
                json.WriteString("name", pod.Name);
                json.WriteString("owner", pod.Owner);
                JsonOutput.WriteNullable(json, "node", pod.Node);
                json.WriteString("status", pod.Status);
                JsonOutput.WriteNullable(json, "reason", pod.Reason);
                json.WriteString("ready", pod.Ready);
                json.WriteString("restarts", pod.Restarts);
                JsonOutput.WriteNullable(json, "ip", pod.IP);
                json.WriteBoolean("hostNetwork", pod.HostNetwork);
                JsonOutput.WriteNullable(json, "message", pod.Message);
                json.WriteBoolean("certain", pod.Certain);
                json.WriteBoolean("fromInput", pod.FromInput);
                JsonOutput.WriteNullable(json, "nominatedNode", pod.NominatedNode);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rollouts");
            foreach (var rollout in plan.Rollouts)
            {
                json.WriteStartObject();
                json.WriteString("workload", rollout.Workload);
                json.WriteString("outcome", rollout.OutcomeName);
                json.WriteString("reason", rollout.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rejected");
            foreach (var refused in plan.Refused)
            {
                json.WriteStartObject();
                json.WriteString("kind", refused.Kind);
                json.WriteString("namespace", refused.Namespace);
                json.WriteString("name", refused.Name);
                json.WriteString("rejectedBy", refused.RefusedBy);
                json.WriteString("message", refused.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in plan.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            var input = plan.Pods.Where(p => p.FromInput).ToList();
            json.WriteStartObject("summary");
            json.WriteNumber("nodes", plan.NodeCount);
            json.WriteNumber("pods", plan.Pods.Count);
            json.WriteNumber("inputPods", input.Count);
            json.WriteNumber("running", input.Count(p => p.Status == "Running"));
            json.WriteNumber("pending", input.Count(p => p.Status == "Pending"));
            json.WriteNumber("crashLoopBackOff", input.Count(p => p.Status == "CrashLoopBackOff"));
            json.WriteNumber("failed", input.Count(p => p.Status == "Failed"));
            json.WriteNumber("certainlyNotRunning", input.Count(p => p.WouldNotRun && p.Certain));
            json.WriteNumber("rejected", plan.Refused.Count);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
