using Hostnet.Core.Admission;
using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>deploy/webhook/ is what we ask people to apply: it must pass hostnet's own check, and its policy must load.</summary>
public sealed class DeployManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deploy", "webhook");

    [Fact]
    public void Check_DeployManifests_FindsNothing()
    {
        var files = Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        files.Length.ShouldBeGreaterThanOrEqualTo(7);
        var loaded = files.Select(f => new ManifestLoader().Load(new SourceFile(f, File.ReadAllText(f)))).ToList();
        loaded.SelectMany(l => l.Problems).ShouldBeEmpty();
        var kinds = loaded.SelectMany(l => l.Documents).Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);
        kinds.ShouldBe(
            ["Namespace", "ServiceAccount", "ConfigMap", "Deployment", "PodDisruptionBudget", "Service", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "Issuer", "Certificate",
                "Kustomization"], // kustomization.yaml: loaded, and skipped by the checks as no Kubernetes object
            ignoreOrder: true);

        var report = new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules).Check(loaded);

        report.Diagnostics.Select(d => $"{d.File}:{d.Position}: {d.Rule.Id} {d.Message}").ShouldBeEmpty();
    }

    [Fact]
    public void Policy_OfTheConfigMap_LoadsWithoutProblems()
    {
        var configMap = File.ReadAllText(Path.Combine(Folder, "20-policy.yaml"));
        var root = (SourceMapping)new ManifestLoader().Parse(new SourceFile("20-policy.yaml", configMap), [])!;
        var text = ((SourceScalar)((SourceMapping)root["data"]!)["policy.yaml"]!).Value;
        var problems = new List<InputProblem>();

        var policy = PolicyReader.Read(new SourceFile("policy.yaml", text), problems);

        problems.ShouldBeEmpty();
        policy.Mode.ShouldBe(PolicyMode.Warn);
        policy.Mutations.ShouldBe(["HN030"]);
    }
}
