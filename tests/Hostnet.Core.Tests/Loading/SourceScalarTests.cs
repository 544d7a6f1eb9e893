using Hostnet.Core.Documents;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class SourceScalarTests
{
    [Theory]
    [InlineData("true", ScalarStyle.Plain, ScalarKind.Boolean)]
    [InlineData("yes", ScalarStyle.Plain, ScalarKind.Boolean)]
    [InlineData("Off", ScalarStyle.Plain, ScalarKind.Boolean)]
    [InlineData("yes", ScalarStyle.Quoted, ScalarKind.String)]
    [InlineData("8080", ScalarStyle.Plain, ScalarKind.Integer)]
    [InlineData("0x1F", ScalarStyle.Plain, ScalarKind.Integer)]
    [InlineData("8080", ScalarStyle.Quoted, ScalarKind.String)]
    [InlineData("0.5", ScalarStyle.Plain, ScalarKind.Float)]
    [InlineData("three", ScalarStyle.Plain, ScalarKind.String)]
    [InlineData("~", ScalarStyle.Plain, ScalarKind.Null)]
    [InlineData("", ScalarStyle.Plain, ScalarKind.Null)]
    [InlineData("", ScalarStyle.Quoted, ScalarKind.String)]
    public void ScalarKind_ResolvesAsYaml11(string value, ScalarStyle style, ScalarKind expected) =>
        new SourceScalar(SourcePosition.Start, value, style).ScalarKind.ShouldBe(expected);

    [Theory]
    [InlineData("010", 8)]
    [InlineData("0o17", 15)]
    [InlineData("-42", -42)]
    [InlineData("1_000", 1000)]
    public void TryGetInt64_Yaml11Forms_Parse(string value, long expected)
    {
        new SourceScalar(SourcePosition.Start, value, ScalarStyle.Plain).TryGetInt64(out var parsed).ShouldBeTrue();
        parsed.ShouldBe(expected);
    }
}
