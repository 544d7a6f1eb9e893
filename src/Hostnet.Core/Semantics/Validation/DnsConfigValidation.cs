using System.Globalization;
using System.Text;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// The API's checks of <c>dnsPolicy: None</c> and <c>dnsConfig</c> (SEMANTICS.md §2.1 item 7). Mirrors
/// pkg/apis/core/validation/validation.go (validatePodDNSConfig, MaxDNSNameservers, MaxDNSSearchPaths,
/// MaxDNSSearchListChars) and pkg/api/pod/util.go (the options the feature gates set).
/// </summary>
internal static class DnsConfigValidation
{
    public const int MaxNameservers = 3;

    /// <summary>ExpandedDNSConfig (beta, on by default, in 1.26) raised the limits from 6 paths and 256 characters.</summary>
    public static KubeVersion ExpandedLimitsSince { get; } = new(1, 26);

    /// <summary>RelaxedDNSSearchValidation (beta, on by default, in 1.33) allows "." and '_' in search domains.</summary>
    public static KubeVersion RelaxedSearchesSince { get; } = new(1, 33);

    public static int MaxSearchPaths(KubeVersion version) => version >= ExpandedLimitsSince ? 32 : 6;

    public static int MaxSearchListChars(KubeVersion version) => version >= ExpandedLimitsSince ? 2048 : 256;

    /// <summary>The errors for a pod spec, in the API's order.</summary>
    public static IReadOnlyList<FieldError> Validate(PodSpec spec, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Validate(spec.Path, spec.DnsPolicy, spec.DnsConfig, version);
    }

    /// <summary>The errors for a policy and dnsConfig of the pod spec at <paramref name="specPath"/>, in the API's order.</summary>
    public static IReadOnlyList<FieldError> Validate(string specPath, string? dnsPolicy, DnsConfig? config, KubeVersion version)
    {
        var path = specPath + ".dnsConfig";
        if (dnsPolicy == DnsPolicy.None)
        {
            // Both return at once: nothing else of dnsConfig is checked.
            if (config is null)
            {
                return [FieldError.Required(path, "must provide `dnsConfig` when `dnsPolicy` is None")];
            }

            if (config.Nameservers.Count == 0)
            {
                return [FieldError.Required(path + ".nameservers", "must provide at least one DNS nameserver when `dnsPolicy` is None")];
            }
        }

        return config is null ? [] : ValidateConfig(config, path, version);
    }

    private static List<FieldError> ValidateConfig(DnsConfig config, string path, KubeVersion version)
    {
        var errors = new List<FieldError>();
        if (config.Nameservers.Count > MaxNameservers)
        {
            errors.Add(FieldError.Invalid(path + ".nameservers", config.Nameservers, Detail($"must not have more than {MaxNameservers} nameservers")));
        }

        for (var i = 0; i < config.Nameservers.Count; i++)
        {
            if (!IPAddressSyntax.IsValid(config.Nameservers[i]))
            {
                errors.Add(FieldError.Invalid(Index(path + ".nameservers", i), config.Nameservers[i], IPAddressSyntax.InvalidIPError));
            }
        }

        if (config.Searches.Count > MaxSearchPaths(version))
        {
            errors.Add(FieldError.Invalid(path + ".searches", config.Searches, Detail($"must not have more than {MaxSearchPaths(version)} search paths")));
        }

        if (Encoding.UTF8.GetByteCount(string.Join(' ', config.Searches)) > MaxSearchListChars(version))
        {
            errors.Add(FieldError.Invalid(path + ".searches", config.Searches, Detail($"must not have more than {MaxSearchListChars(version)} characters (including spaces) in the search list")));
        }

        var relaxed = version >= RelaxedSearchesSince;
        for (var i = 0; i < config.Searches.Count; i++)
        {
            var search = config.Searches[i];
            if (relaxed && search == ".")
            {
                continue;
            }

            // A trailing dot is fine; the value reported is the one without it.
            search = search.EndsWith('.') ? search[..^1] : search;
            var messages = relaxed ? DnsNames.IsDns1123SubdomainWithUnderscore(search) : DnsNames.IsDns1123Subdomain(search);
            errors.AddRange(messages.Select(m => FieldError.Invalid(Index(path + ".searches", i), search, m)));
        }

        for (var i = 0; i < config.Options.Count; i++)
        {
            if (config.Options[i].Name.Length == 0)
            {
                errors.Add(FieldError.Required(Index(path + ".options", i), "must not be empty"));
            }
        }

        return errors;
    }

    private static string Detail(FormattableString detail) => detail.ToString(CultureInfo.InvariantCulture);

    private static string Index(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
