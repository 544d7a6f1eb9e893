using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules.Api;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Corpus;

/// <summary>
/// The real manifests of tests/corpus (calico, flannel, ingress-nginx, …) are the closest thing to users' YAML:
/// every one must load and decode without a single HN000 and without an HN004 false alarm.
/// </summary>
public sealed class RealCorpusTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in (string[])["real", "negatives"])
        {
            var root = Path.Combine(RepositoryPaths.Corpus, folder);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Corpus, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Check_RealManifest_HasNoInputErrorsOrUnknownFields(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, file));
        var source = SourceFile.FromBytes(file, bytes, out var problem);
        problem.ShouldBeNull();

        var report = Fixtures.Check([source!]);

        report.Objects.ShouldBeGreaterThan(0);
        var unexpected = report.Diagnostics.Where(d => d.Rule.Id == InvalidInput.Descriptor.Id || d.Rule.Id == MisplacedField.Rule.Id).ToList();
        unexpected.ShouldBeEmpty(string.Join("\n", unexpected.Select(d => $"{d.Position} {d.Rule.Id} {d.Message}")));
    }
}
