using Hostnet.Core.Tests.Support;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>Golden files under <c>tests/Hostnet.Webhook.Tests/testdata/golden/</c>; <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites them.</summary>
internal static class WebhookGolden
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Webhook.Tests", "testdata", "golden");

    public static void Assert(string name, string actual) => Golden.AssertIn(Folder, name, actual);
}
