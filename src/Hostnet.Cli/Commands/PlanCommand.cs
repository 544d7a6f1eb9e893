using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Core.Analysis;
using Hostnet.Core.Cluster;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;
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
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (recursive *.yaml, *.yml, *.json) or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"unknown option '{token.Value}' (for a file whose name starts with '-', write ./{token.Value})");
            }
        });

        var nodes = NumberOption.Create("--nodes", $"Plan against N identical worker nodes (default {SyntheticCluster.DefaultNodeCount} when the input has no Node objects)", 1, 100_000);

        var cluster = new Option<string?>("--cluster")
        {
            Description = "Plan against a cluster snapshot (kubectl get nodes,pods,namespaces,services -A -o json, or hostnet snapshot; - for standard input)",
            HelpName = "FILE",
        };

        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json"], "-f");
        var failOn = ChoiceOption.Create("--fail-on", "Exit 1 when a pod of the input would not run (none: never)", "error", ["error", "warning", "info", "none"]);
        var config = new Option<string?>("--config") { Description = "Use this .hostnet.yaml instead of searching upward", HelpName = "FILE" };
        var kubeVersion = new Option<string?>("--kube-version") { HelpName = "1.N", Description = $"Kubernetes version whose messages to print, e.g. 1.30 (default {KubeVersion.Latest})" };
        var rollout = new Option<bool>("--rollout") { Description = "Also replay the update of each Deployment, DaemonSet and StatefulSet: completes or stuck, and why" };

        var command = new Command("plan", "Predict where the pods of the input run, which stay Pending and which crash")
        {
            paths, cluster, nodes, format, failOn, config, kubeVersion, rollout,
        };
        command.SetAction(result => Run(
            new PlanRequest(
                result.GetRequiredValue(paths),
                result.GetValue(cluster),
                result.GetValue(nodes),
                result.GetRequiredValue(format),
                result.GetRequiredValue(failOn),
                result.GetValue(config),
                result.GetValue(kubeVersion),
                result.GetValue(rollout)),
            environment));
        return command;
    }

    private static int Run(PlanRequest request, CliEnvironment environment)
    {
        if (request.ClusterPath is not null && request.Nodes is not null)
        {
            environment.Error.WriteLine("hostnet: give --cluster or --nodes, not both");
            return ExitCodes.Invalid;
        }

        ClusterSnapshot? snapshot = null;
        if (request.ClusterPath is not null)
        {
            snapshot = ClusterInput.Load(request.ClusterPath, environment);
            if (snapshot is null)
            {
                return ExitCodes.Invalid;
            }
        }

        if (AnalysisOptionsLoader.Load(request.ConfigPath, request.KubeVersion, environment) is not { } options)
        {
            return ExitCodes.Invalid;
        }

        var version = request.KubeVersion is null && snapshot?.ServerVersion is { } serverVersion ? serverVersion : options.KubeVersion;
        var problems = new List<InputProblem>();

        var limits = LoaderLimits.Default;
        var (files, readProblems) = new InputCollector(environment, limits).Collect(request.Paths);
        problems.AddRange(readProblems);
        var loaded = new ManifestLoader(limits).LoadAll(files);
        problems.AddRange(loaded.SelectMany(l => l.Problems));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
            }

            return ExitCodes.Invalid;
        }

        var objects = loaded.SelectMany(l => l.Documents).Select(ObjectReader.Read).OfType<KubeObject>().ToList();
        var cluster = snapshot ?? Cluster(request, objects.OfType<Node>().ToList(), environment);
        var workloads = objects.OfType<Workload>().ToList();

        // What check says the API server or Pod Security refuses is never created: plan and check agree.
        var checkOptions = options with { KubeVersion = version };
        var report = new ManifestChecker(checkOptions) { Cluster = snapshot ?? ClusterSnapshot.Empty }.Check(loaded);
        var refusals = Refusals.Find(report, workloads, options.DefaultNamespace);

        // One resolution of what kubectl apply stores, for the plan and its rollouts alike.
        var applied = AppliedWorkloads.Resolve(workloads, refusals, options.DefaultNamespace);
        var plan = Planner.Plan(cluster, applied, new PlanOptions(version, options.DefaultNamespace, options.ExtraReservedPorts));
        if (request.Rollout)
        {
            plan = plan with
            {
                Rollouts = [.. RolloutPlanner.Simulate(cluster, applied.Workloads, version, options.DefaultNamespace)],
            };
        }
        if (request.Format == "json")
        {
            PlanJsonWriter.Write(plan, environment.Output);
        }
        else
        {
            PlanTextWriter.Write(plan, environment.Output);
        }

        var fails = plan.InputWouldNotRun || plan.Rollouts.Any(r => r.Outcome == RolloutOutcome.Stuck);
        return request.FailOn != "none" && fails ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// <c>--nodes N</c> gives a synthetic cluster; else the Node objects of the input; else the default synthetic
    /// cluster, said on standard error so that nobody mistakes it for theirs.
    /// </summary>
    private static ClusterSnapshot Cluster(PlanRequest request, List<Node> nodes, CliEnvironment environment)
    {
        if (request.Nodes is { } count)
        {
            return SyntheticCluster.Create(count);
        }

        if (nodes.Count > 0)
        {
            return ClusterSnapshot.Empty with { Nodes = nodes };
        }

        environment.Error.WriteLine(
            $"hostnet: no --nodes and no Node objects in the input: planning against {SyntheticCluster.DefaultNodeCount} identical worker nodes (node-1 … node-{SyntheticCluster.DefaultNodeCount}); see docs/plan.md");
        return SyntheticCluster.Create(SyntheticCluster.DefaultNodeCount);
    }

    private sealed record PlanRequest(string[] Paths, string? ClusterPath, int? Nodes, string Format, string FailOn, string? ConfigPath, string? KubeVersion, bool Rollout);
}
