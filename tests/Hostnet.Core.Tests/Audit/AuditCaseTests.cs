using Hostnet.Core.Audit;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>
/// Each snapshot of testdata/audit/ against its <c>.expected</c> file: one line per inventory entry
/// (<c>inventory NAMESPACE OWNER PODS</c>) and per finding (<c>finding ID observed|spec OBJECT</c>), sorted.
/// </summary>
public sealed class AuditCaseTests
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(AuditFixtures.Folder, "*.expected").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileNameWithoutExtension(file));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Audit_Case_GivesTheExpectedInventoryAndFindings(string name)
    {
        var report = AuditFixtures.Audit(name + ".yaml");

        var actual = report.Inventory.Select(e => $"inventory {e.Owner.Namespace} {e.Owner} {e.Pods}")
            .Concat(report.Findings.Select(f => $"finding {f.Diagnostic.Rule.Id} {(f.Observed ? "observed" : "spec")} {f.Diagnostic.Object}").Order(StringComparer.Ordinal));
        var expected = File.ReadAllLines(Path.Combine(AuditFixtures.Folder, name + ".expected")).Where(l => l.Length > 0);
        string.Join("\n", actual).ShouldBe(string.Join("\n", expected));
    }
}
