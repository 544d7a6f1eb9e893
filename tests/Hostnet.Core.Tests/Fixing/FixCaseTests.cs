using Hostnet.Core.Analysis;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

/// <summary>
/// The fix cases of <c>testdata/fix/</c>: each input beside the expected result (<c>NAME.fixed.EXT</c>). The text edit
/// must give exactly the expected bytes, agree with the JSON Patch the webhook would send, leave no fixable finding,
/// and change nothing on a second run; the same holds with CRLF line breaks.
/// </summary>
public sealed class FixCaseTests
{
    private static string Folder => Path.Combine(RepositoryPaths.TestData, "fix");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => !Path.GetFileName(f).Contains(".fixed.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_Case_GivesExpectedText(string name)
    {
        var (input, expected) = Read(name);

        var result = FixRun.Fix(input, name);

        result.Text.ShouldBe(expected);
        result.Applied.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_Case_PatchAgreesWithTextEdit(string name)
    {
        var (input, _) = Read(name);

        FixRun.AssertPatchMatchesText(input, name).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_FixedCase_IsCleanAndUnchangedOnSecondRun(string name)
    {
        var (_, expected) = Read(name);

        var again = FixRun.Fix(expected, name);

        again.Changed.ShouldBeFalse();
        Fixtures.Check(expected, name).Diagnostics.Where(d => RuleCatalog.FixableIds.Contains(d.Rule.Id)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_CaseWithCrlf_KeepsCrlf(string name)
    {
        var (input, expected) = Read(name);

        var result = FixRun.Fix(Crlf(input), name);

        result.Text.ShouldBe(Crlf(expected));
    }

    private static (string Input, string Expected) Read(string name)
    {
        var expectedName = Path.GetFileNameWithoutExtension(name) + ".fixed" + Path.GetExtension(name);
        return (File.ReadAllText(Path.Combine(Folder, name)), File.ReadAllText(Path.Combine(Folder, expectedName)));
    }

    private static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);
}
