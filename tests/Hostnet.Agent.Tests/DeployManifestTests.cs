using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests;

/// <summary>
/// deploy/agent/ is what we ask people to apply: hostnet's own check finds nothing in it but the two findings its
/// DaemonSet silences with a reason (the host namespaces it needs), and the DaemonSet asks for what docs/agent.md says.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deploy", "agent");

    [Fact]
    public void Check_AgentManifests_OnlyReasonedSuppressions()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var loaded = files.Select(f => new ManifestLoader().Load(new SourceFile(f, File.ReadAllText(f)))).ToList();
        loaded.SelectMany(l => l.Problems).ShouldBeEmpty();
        loaded.SelectMany(l => l.Documents).Select(d => d.Kind).ShouldBe(
            ["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "DaemonSet", "Service", "Kustomization"], ignoreOrder: true);

        var report = new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules).Check(loaded);

        report.Diagnostics.Where(d => !d.IsSuppressed).Select(d => $"{d.File}:{d.Position}: {d.Rule.Id} {d.Message}").ShouldBeEmpty();
        report.Diagnostics.Where(d => d.IsSuppressed).Select(d => d.Rule.Id).ShouldBe(["HN050", "HN051"], ignoreOrder: true);
        report.Diagnostics.ShouldAllBe(d => d.Suppression!.Length > 40, "each silenced finding says why");
    }

    [Fact]
    public void DaemonSet_AsksForWhatTheAgentNeeds()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "20-daemonset.yaml"));

        text.ShouldContain("hostNetwork: true");
        text.ShouldContain("hostPID: true");
        text.ShouldContain("dnsPolicy: ClusterFirstWithHostNet");
        text.ShouldContain("drop: [\"ALL\"]");
        text.ShouldContain("add: [\"DAC_READ_SEARCH\", \"SYS_PTRACE\"]");
        text.ShouldContain("readOnlyRootFilesystem: true");
        text.ShouldContain("priorityClassName: system-node-critical");
        text.ShouldContain($"--listen={Hostnet.Cli.Commands.AgentOptions.DefaultListen}");
    }
}
