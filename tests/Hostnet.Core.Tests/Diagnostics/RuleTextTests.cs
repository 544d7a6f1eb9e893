using Hostnet.Core.Diagnostics;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Diagnostics;

public sealed class RuleTextTests
{
    private static readonly RuleText PortTaken = new("PortTaken", "host port {0} is also wanted by {1}: \"{2}\"");

    [Fact]
    public void With_FillsThePlaceholdersInOrder() =>
        PortTaken.With("8080/TCP", "Deployment default/web", 1.5).ShouldBe("host port 8080/TCP is also wanted by Deployment default/web: \"1.5\"");

    [Fact]
    public void With_NullValue_WritesNothing() =>
        PortTaken.With("8080/TCP", "x", null).ShouldBe("host port 8080/TCP is also wanted by x: \"\"");

    [Fact]
    public void Placeholders_CountsTheValuesTheTextTakes()
    {
        PortTaken.Placeholders.ShouldBe(3);
        new RuleText("Fixed", "set dnsPolicy: Default").Placeholders.ShouldBe(0);
    }

    [Fact]
    public void With_TooFewValues_NamesTheText() =>
        Should.Throw<ArgumentException>(() => PortTaken.With("8080/TCP")).Message.ShouldStartWith("the text PortTaken takes 3 value(s), not 1");

    [Fact]
    public void Text_OfATextWithPlaceholders_Throws() => Should.Throw<ArgumentException>(() => PortTaken.Text);

    [Fact]
    public void Text_WithoutPlaceholders_IsTheFormat() => new RuleText("Fixed", "set dnsPolicy: Default").Text.ShouldBe("set dnsPolicy: Default");

    [Fact]
    public void New_UnbalancedBrace_Throws() => Should.Throw<FormatException>(() => new RuleText("Broken", "host port {0"));
}
