using System.Globalization;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// The memo keys paths by the identity of their parts, yet its text is always the parts' text: whether a path was
/// found, added or built anew (the memo full, or a parent of equal text and another identity) is never seen.
/// </summary>
public sealed class PathCacheTests
{
    private static readonly string[] Parents = ["spec", "spec.template.spec", "spec.jobTemplate.spec.template.spec", "spec.containers[0]", "metadata"];

    private static readonly string[] Children = ["containers", "initContainers", "ports", "env", "livenessProbe", "httpGet", "spec", "a"];

    [Theory]
    [InlineData(2)]
    [InlineData(50)]
    [InlineData(10_000)]
    public void IndexAndJoin_GeneratedParts_TextAsFormatted(int capacity)
    {
        var random = new Random(capacity);
        var paths = new PathCache(capacity);
        // Paths the memo returned, to build on as the readers do, besides parents of fresh identity.
        var returned = new List<string>(Parents);

        for (var i = 0; i < 20_000; i++)
        {
            var parent = returned[random.Next(returned.Count)];
            parent = random.Next(3) == 0 ? new string(parent.AsSpan()) : parent;
            var child = Children[random.Next(Children.Length)];
            child = random.Next(5) == 0 ? new string(child.AsSpan()) : child;
            var index = random.Next(-1, 12);

            var path = index < 0 ? paths.Join(parent, child) : paths.Index(parent, child, index);

            path.ShouldBe(index < 0 ? parent + "." + child : string.Create(CultureInfo.InvariantCulture, $"{parent}.{child}[{index}]"));
            if (returned.Count < 200)
            {
                returned.Add(path);
            }
        }
    }

    [Fact]
    public void IndexAndJoin_TheSamePartsAgain_TheSameString()
    {
        var paths = new PathCache(100);

        var container = paths.Index("spec", "containers", 0);
        var port = paths.Index(container, "ports", 1);
        var probe = paths.Join(container, "livenessProbe");

        paths.Index("spec", "containers", 0).ShouldBeSameAs(container);
        paths.Index(container, "ports", 1).ShouldBeSameAs(port);
        paths.Join(container, "livenessProbe").ShouldBeSameAs(probe);
        port.ShouldBe("spec.containers[0].ports[1]");
    }

    [Fact]
    public void Index_MemoFull_BuildsEqualTextAnew()
    {
        var paths = new PathCache(1);
        var kept = paths.Index("spec", "containers", 0);

        var first = paths.Index("spec", "containers", 1);
        var again = paths.Index("spec", "containers", 1);

        paths.Index("spec", "containers", 0).ShouldBeSameAs(kept);
        again.ShouldBe(first);
        again.ShouldNotBeSameAs(first);
    }

    [Fact]
    public void Index_ManyReadersAtOnce_AllGetOneString()
    {
        const int Readers = 8;
        const int Items = 200;
        var paths = new PathCache(10_000);
        var results = new string[Readers, Items];
        using var start = new Barrier(Readers);

        Parallel.For(0, Readers, new ParallelOptions { MaxDegreeOfParallelism = Readers }, reader =>
        {
            start.SignalAndWait();
            for (var i = 0; i < Items; i++)
            {
                // Each reader builds below what it got, so a second string for one path would split the paths below it.
                results[reader, i] = paths.Index(paths.Join(paths.Index("spec", "containers", i % 3), "livenessProbe"), "ports", i);
            }
        });

        for (var i = 0; i < Items; i++)
        {
            results[0, i].ShouldBe(string.Create(CultureInfo.InvariantCulture, $"spec.containers[{i % 3}].livenessProbe.ports[{i}]"));
            for (var reader = 1; reader < Readers; reader++)
            {
                results[reader, i].ShouldBeSameAs(results[0, i]);
            }
        }
    }
}
