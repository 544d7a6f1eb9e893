using System.Reflection;
using System.Xml.Linq;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Architecture.Tests;

/// <summary>Projects reference one way: what each csproj declares and what each built assembly uses (<see cref="ProjectLayers"/>).</summary>
public sealed class ProjectTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in ProjectLayers.MayReference.Keys)
        {
            data.Add(project);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectFile_ReferencesOnlyAllowedProjects(string project)
    {
        var references = XDocument.Load(ProjectFile(project))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string?)r.Attribute("Include") ?? ""));

        references.Where(r => !ProjectLayers.MayReference[project].Contains(r)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Assembly_UsesOnlyAllowedProjects(string project)
    {
        var allowed = ProjectLayers.MayReference[project].Select(ProjectLayers.AssemblyOf).ToHashSet();
        var ours = ProjectLayers.MayReference.Keys.Select(ProjectLayers.AssemblyOf).ToHashSet();

        var used = Assembly.Load(ProjectLayers.AssemblyOf(project)).GetReferencedAssemblies().Select(a => a.Name!).Where(ours.Contains);

        used.Where(a => !allowed.Contains(a)).ShouldBeEmpty();
    }

    [Fact]
    public void EveryProjectOfSrc_IsInTheTable()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName);

        projects.Where(p => !ProjectLayers.MayReference.ContainsKey(p!)).ShouldBeEmpty();
    }

    /// <summary>The compiled references are visible at all: the CLI's include the core it runs.</summary>
    [Fact]
    public void AssemblyReferences_OfTheCli_IncludeTheCore()
    {
        var used = Assembly.Load(ProjectLayers.AssemblyOf(ProjectLayers.Cli)).GetReferencedAssemblies().Select(a => a.Name);

        used.ShouldContain(ProjectLayers.Core);
    }

    private static string ProjectFile(string project) => Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
}
