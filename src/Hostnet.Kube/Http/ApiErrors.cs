using System.Net;
using System.Text.RegularExpressions;
using Hostnet.Kube.Config;

namespace Hostnet.Kube.Http;

/// <summary>Turns an error answer into a message that says what to do, from the <c>Status</c> the API server sends.</summary>
internal static partial class ApiErrors
{
    public static KubeApiException FromStatus(HttpStatusCode code, StatusJson? status, HttpMethod method, string pathAndQuery, ClusterConnection connection)
    {
        var message = status?.Message;
        return code switch
        {
            HttpStatusCode.Unauthorized => new KubeApiException(
                $"Unauthorized: check your credentials: the API server at {connection.Server} rejected those of {connection.Source} "
                + "(an expired or revoked token or certificate, or an exec plugin that needs a new login)",
                code),
            HttpStatusCode.Forbidden => new KubeApiException(Forbidden(message, pathAndQuery), code),
            _ => new KubeApiException(
                $"{method} {pathAndQuery}: {(int)code} {status?.Reason ?? code.ToString()}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}",
                code),
        };
    }

    /// <summary>
    /// The RBAC authorizer's message (plugin/pkg/auth/authorizer/rbac, <c>Forbidden</c> in staging/src/k8s.io/apiserver
    /// endpoints/handlers/responsewriters/errors.go) names verb, resource and group; the hint turns it into the rule to grant.
    /// </summary>
    internal static string Forbidden(string? message, string pathAndQuery)
    {
        if (string.IsNullOrEmpty(message))
        {
            return $"Forbidden: GET {pathAndQuery} was refused; grant get/list on it (see docs/snapshot.md for the ClusterRole)";
        }

        var match = RbacDenial().Match(message);
        if (!match.Success)
        {
            return $"Forbidden: {message}";
        }

        var verb = match.Groups["verb"].Value;
        var resource = match.Groups["resource"].Value;
        var group = match.Groups["group"].Value;
        var inGroup = group.Length == 0 ? "" : $" in API group \"{group}\"";
        return $"Forbidden: {message}: grant \"{verb}\" on \"{resource}\"{inGroup} (see docs/snapshot.md for the ClusterRole)";
    }

    [GeneratedRegex(""""cannot (?<verb>[a-z]+) resource "(?<resource>[^"]+)" in API group "(?<group>[^"]*)"""")]
    private static partial Regex RbacDenial();
}
