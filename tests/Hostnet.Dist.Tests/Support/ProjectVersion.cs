using System.Xml.Linq;
using Hostnet.Core.Tests.Support;

namespace Hostnet.Dist.Tests.Support;

/// <summary>The version every package and <c>--version</c> carry: Directory.Build.props' <c>Version</c>.</summary>
internal static class ProjectVersion
{
    public static string Value { get; } =
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
}
