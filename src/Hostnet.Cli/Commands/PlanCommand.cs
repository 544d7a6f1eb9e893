using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Core.Reporting;
using Hostnet.Core.Runs;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Rollouts;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet plan PATH… [--nodes N]</c>: where every pod of the input would run, which stay Pending with the
/// scheduler's message, which the kubelet rejects and which crash-loop on a port clash (docs/plan.md).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions
        {
            Paths = CommonOptions.ManifestPaths(),
            Cluster = CommonOptions.ClusterSnapshot("Plan against a cluster snapshot (kubectl get nodes,pods,namespaces,services -A -o json, or hostnet snapshot; - for standard input)", "FILE"),
            Format = CommonOptions.FormatOf("text", "json"),
            FailOn = CommonOptions.FailOnOf("Exit 1 when a pod of the input would not run (none: never)"),
            Config = CommonOptions.ConfigFile(),
            KubeVersion = CommonOptions.KubeVersionOf($"Kubernetes version whose messages to print, e.g. 1.30 (default {Hostnet.Core.Model.KubeVersion.Latest})"),
        };
        var nodes = NumberOption.Create("--nodes", $"Plan against N identical worker nodes (default {SyntheticCluster.DefaultNodeCount} when the input has no Node objects)", 1, 100_000);
        var rollout = new Option<bool>("--rollout") { Description = "Also replay the update of each Deployment, DaemonSet and StatefulSet: completes or stuck, and why" };
        var command = new Command("plan", "Predict where the pods of the input run, which stay Pending and which crash")
        {
            common.Paths, common.Cluster, nodes, common.Format, common.FailOn, common.Config, common.KubeVersion, rollout,
        };
        command.SetAction(result => Run(common.Read(result), result.GetValue(nodes), result.GetValue(rollout), environment));
        return command;
    }

    private static int Run(RunRequest request, int? nodes, bool rollout, CliEnvironment environment)
    {
        if (request.ClusterPath is not null && nodes is not null)
        {
            environment.Error.WriteLine("hostnet: give --cluster or --nodes, not both");
            return ExitCodes.Invalid;
        }

        if (RunInputs.Load(request, environment) is not { } run)
        {
            return ExitCodes.Invalid;
        }

        var loaded = ManifestInput.Load(request.Paths, environment, out var clean);
        if (!clean)
        {
            return ExitCodes.Invalid;
        }

        var plan = ManifestPlan.Plan(loaded, run.Options, run.Cluster, nodes, rollout, out var notice);
        if (notice is not null)
        {
            environment.Error.WriteLine($"hostnet: {notice}");
        }

        PlanWriters.Write(plan, request.Format, environment.Output);

        var fails = plan.InputWouldNotRun || plan.Rollouts.Any(r => r.Outcome == RolloutOutcome.Stuck);
        return request.FailOn != "none" && fails ? ExitCodes.Findings : ExitCodes.Success;
    }
}
