namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// Container port names as the API accepts them: IANA_SVC_NAME, at most 15 lowercase letters, digits and
/// non-adjacent inner hyphens, with at least one letter (apimachinery validation.IsValidPortName).
/// </summary>
internal static class PortNames
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 15
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name.Any(char.IsAsciiLetterLower)
        && !name.StartsWith('-')
        && !name.EndsWith('-')
        && !name.Contains("--", StringComparison.Ordinal);
}
