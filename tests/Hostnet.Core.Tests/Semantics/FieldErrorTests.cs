using Hostnet.Core.Semantics.Validation;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

public sealed class FieldErrorTests
{
    [Fact]
    public void ToString_StringListValue_PrintsAsGoSyntax() =>
        FieldError.Invalid("spec.dnsConfig.nameservers", new[] { "1.1.1.1", "a\"b" }, "must not have more than 3 nameservers").ToString()
            .ShouldBe("""spec.dnsConfig.nameservers: Invalid value: []string{"1.1.1.1", "a\"b"}: must not have more than 3 nameservers""");

    [Fact]
    public void ToString_Required_OmitsValue() =>
        FieldError.Required("spec.containers[0].ports[0].containerPort").ToString().ShouldBe("spec.containers[0].ports[0].containerPort: Required value");

    [Fact]
    public void ToString_Duplicate_QuotesTheKey() =>
        FieldError.Duplicate("spec.containers[1].ports[0].hostPort", "TCP//8080").ToString().ShouldBe("""spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080" """.TrimEnd());
}
