namespace Hostnet.Kube.Config;

/// <summary>
/// Hides the password of <c>scheme://user:password@host</c> as Go's <c>url.URL.Redacted</c> does for kubectl
/// (<c>user:xxxxx@host</c>), in text that may not parse as a URL at all (a kubeconfig's bad <c>server</c>), so that no
/// message prints it.
/// </summary>
internal static class UrlPassword
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme < 0 ? 0 : scheme + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = text.AsSpan(authorityStart, (authorityEnd < 0 ? text.Length : authorityEnd) - authorityStart);
        var at = authority.LastIndexOf('@');
        var colon = at < 0 ? -1 : authority[..at].IndexOf(':');
        return colon < 0 ? text : string.Concat(text.AsSpan(0, authorityStart + colon + 1), "xxxxx", text.AsSpan(authorityStart + at));
    }
}
