using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// DNS name checks with the API's messages. Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go
/// (IsDNS1123Subdomain, IsDNS1123SubdomainWithUnderscore, MaxLenError, RegexError). Lengths count bytes, as Go's
/// <c>len</c> does.
/// </summary>
public static partial class DnsNames
{
    public const int SubdomainMaxLength = 253;

    public const int LabelMaxLength = 63;

    private const string LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string SubdomainFormat = LabelFormat + "(\\." + LabelFormat + ")*";
    private const string LabelError = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string SubdomainError = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string LabelFormatWithUnderscore = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private const string SubdomainFormatWithUnderscore = LabelFormatWithUnderscore + "(\\." + LabelFormatWithUnderscore + ")*";
    private const string SubdomainErrorWithUnderscore = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";

    /// <summary>The error details for a value that is not a DNS-1123 subdomain; empty when it is one.</summary>
    public static IReadOnlyList<string> IsDns1123Subdomain(string value) =>
        Check(value, Subdomain(), SubdomainError, SubdomainFormat);

    /// <summary>
    /// The error details for a value that is not a DNS-1123 label (a namespace, a pod's hostname); empty when it is one.
    /// Mirrors IsDNS1123Label of apimachinery pkg/util/validation/validation.go (v1.35).
    /// </summary>
    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (value.Length > LabelMaxLength)
        {
            errors.Add(MaxLenError(LabelMaxLength));
        }

        if (!Label().IsMatch(value))
        {
            errors.Add(RegexError(LabelError, LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>As <see cref="IsDns1123Subdomain"/>, but labels may also contain '_' and start with one.</summary>
    public static IReadOnlyList<string> IsDns1123SubdomainWithUnderscore(string value) =>
        Check(value, SubdomainWithUnderscore(), SubdomainErrorWithUnderscore, SubdomainFormatWithUnderscore);

    public static string MaxLenError(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    public static string RegexError(string message, string format, params string[] examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return examples.Length == 0
            ? $"{message} (regex used for validation is '{format}')"
            : $"{message} (e.g. {string.Join(" or ", examples.Select(e => $"'{e}', "))}regex used for validation is '{format}')";
    }

    private static List<string> Check(string value, Regex pattern, string message, string format)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(value) > SubdomainMaxLength)
        {
            errors.Add(MaxLenError(SubdomainMaxLength));
        }

        if (!pattern.IsMatch(value))
        {
            errors.Add(RegexError(message, format, "example.com"));
        }

        return errors;
    }

    // \z, not $: Go's $ matches only at the very end, .NET's also before a final newline.
    [GeneratedRegex(@"\A" + SubdomainFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"\A" + LabelFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"\A" + SubdomainFormatWithUnderscore + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainWithUnderscore();
}
