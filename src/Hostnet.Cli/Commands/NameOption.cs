using System.CommandLine;
using System.CommandLine.Parsing;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Cli.Commands;

/// <summary>
/// Checks of option values that Kubernetes would refuse: names (DNS-1123 labels and subdomains) and IP addresses,
/// as one-line usage errors in the API's words rather than output built on a value no cluster accepts.
/// </summary>
internal static class NameOption
{
    /// <summary>Every value must be a DNS-1123 label (a namespace, a Service name, a pod's hostname).</summary>
    public static T MustBeLabels<T>(T option)
        where T : Option
    {
        option.Validators.Add(result => Check(result, option.Name, DnsNames.IsDns1123Label));
        return option;
    }

    /// <summary>Every value must be a DNS-1123 subdomain (a domain name); <paramref name="allowEmpty"/> lets "" through.</summary>
    public static T MustBeSubdomains<T>(T option, bool allowEmpty = false)
        where T : Option
    {
        option.Validators.Add(result => Check(result, option.Name, value => allowEmpty && value.Length == 0 ? [] : DnsNames.IsDns1123Subdomain(value)));
        return option;
    }

    /// <summary>Every value must be an IP address; <paramref name="allowEmpty"/> lets "" through.</summary>
    public static T MustBeAddresses<T>(T option, bool allowEmpty = false)
        where T : Option
    {
        option.Validators.Add(result => Check(result, option.Name, value => (allowEmpty && value.Length == 0) || IPAddressSyntax.IsValid(value) ? [] : [IPAddressSyntax.InvalidIPError]));
        return option;
    }

    private static void Check(OptionResult result, string name, Func<string, IReadOnlyList<string>> errorsOf)
    {
        foreach (var token in result.Tokens)
        {
            if (errorsOf(token.Value) is [var first, ..])
            {
                result.AddError($"{name}: Invalid value: \"{token.Value}\": {first}");
                return;
            }
        }
    }
}
