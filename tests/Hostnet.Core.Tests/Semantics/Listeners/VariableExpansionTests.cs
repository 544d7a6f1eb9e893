using Hostnet.Core.Semantics.Listeners;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Listeners;

/// <summary>Cases from kubernetes third_party/forked/golang/expansion/expand_test.go.</summary>
public sealed class VariableExpansionTests
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal) { ["VAR_A"] = "A", ["PORT"] = "8080" };

    [Theory]
    [InlineData("--port=$(PORT)", "--port=8080")]
    [InlineData("$(VAR_A)$(PORT)", "A8080")]
    [InlineData("$$(PORT)", "$(PORT)")]
    [InlineData("$$$(PORT)", "$8080")]
    [InlineData("$(UNKNOWN)", "$(UNKNOWN)")]
    [InlineData("$(PORT", "$(PORT")]
    [InlineData("$PORT", "$PORT")]
    [InlineData("trailing $", "trailing $")]
    public void Expand_Reference_IsReplacedAsTheKubeletDoes(string input, string expected) =>
        VariableExpansion.Expand(input, Variables).ShouldBe(expected);
}
