using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Shouldly;
using Xunit;

namespace Hostnet.Architecture.Tests;

/// <summary>Dependencies inside Hostnet.Core run one way: each folder uses only the layers below it (<see cref="CoreLayers"/>).</summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = Assembly.Load(CoreLayers.CoreNamespace);

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in CoreLayers.Folders)
        {
            data.Add(folder);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_UsesOnlyLowerLayers(string folder)
    {
        var forbidden = CoreLayers.Forbidden(folder).Select(f => $"{CoreLayers.CoreNamespace}.{f}").ToArray();
        var result = TypesOf(folder).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty($"{folder} may use only {string.Join(", ", Below(folder))}");
    }

    [Fact]
    public void EveryCoreNamespace_IsInTheLayerTable()
    {
        var folders = Core.GetTypes().Select(t => CoreLayers.FolderOf(t.Namespace)).OfType<string>().Distinct();

        folders.Where(f => !CoreLayers.Folders.Contains(f)).ShouldBeEmpty("every folder of Hostnet.Core has a row in CoreLayers and docs/architecture.md");
    }

    [Fact]
    public void EveryFolderOfTheTable_HoldsTypes()
    {
        var folders = Core.GetTypes().Select(t => CoreLayers.FolderOf(t.Namespace)).OfType<string>().ToHashSet();

        CoreLayers.Folders.Where(f => !folders.Contains(f)).ShouldBeEmpty("a row names a folder that no longer exists");
    }

    /// <summary>The scan sees dependencies at all: were it blind, every folder above would pass whatever it used.</summary>
    [Fact]
    public void DependencyScan_FindsTheRulesUsingAnalysis()
    {
        var users = TypesOf("Rules").And().HaveDependencyOn($"{CoreLayers.CoreNamespace}.Analysis").GetTypes();

        users.ShouldNotBeEmpty();
    }

    private static PredicateList TypesOf(string folder) =>
        Types.InAssembly(Core).That().ResideInNamespaceMatching($@"^{Regex.Escape(CoreLayers.CoreNamespace)}\.{folder}(\.|$)");

    private static IEnumerable<string> Below(string folder) => CoreLayers.Rows.Take(CoreLayers.Row(folder)).SelectMany(r => r);
}
