using System.Text;
using Hostnet.Core.Tests.Support;
using Xunit;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>Golden files under <c>tests/Hostnet.Webhook.Tests/testdata/golden/</c>; <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites them.</summary>
internal static class WebhookGolden
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Webhook.Tests", "testdata", "golden");

    public static void Assert(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        if (!File.Exists(path))
        {
            Xunit.Assert.Fail($"golden file {name} does not exist; run UPDATE_GOLDEN=1 dotnet test to create it");
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            Xunit.Assert.Fail($"answer differs from golden/{name} (- golden, + actual); UPDATE_GOLDEN=1 dotnet test accepts it:\n{Golden.Diff(expected, actual)}");
        }
    }
}
