using System.Globalization;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// The number and protocol checks the API applies to every declared port of every container (regular, init and
/// ephemeral). Mirrors pkg/apis/core/validation/validation.go (validateContainerPorts, supportedPortProtocols) and
/// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsValidPortNum, InclusiveRangeError).
/// Port names are not checked here.
/// </summary>
internal static class ContainerPortValidation
{
    /// <summary>The protocols the API accepts, in the order its message lists them (<c>sets.List</c>, sorted).</summary>
    public static IReadOnlyList<string> SupportedProtocols { get; } = ["SCTP", "TCP", "UDP"];

    /// <summary>The detail of an out-of-range port: <c>must be between 1 and 65535, inclusive</c>.</summary>
    public static string PortRangeError { get; } = InclusiveRangeError(1, 65535);

    public static string InclusiveRangeError(int lo, int hi) =>
        string.Create(CultureInfo.InvariantCulture, $"must be between {lo} and {hi}, inclusive");

    /// <summary>
    /// The errors for one port, in the API's order. The protocol is checked after defaulting (empty becomes TCP), so
    /// only a written value outside the set fails.
    /// </summary>
    public static IEnumerable<FieldError> Validate(ContainerPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        if (port.ContainerPortNumber == 0)
        {
            yield return FieldError.Required(port.Path + ".containerPort");
        }
        else if (!IsValidPortNum(port.ContainerPortNumber))
        {
            yield return FieldError.Invalid(port.Path + ".containerPort", port.ContainerPortNumber, PortRangeError);
        }

        if (port.HostPort != 0 && !IsValidPortNum(port.HostPort))
        {
            yield return FieldError.Invalid(port.Path + ".hostPort", port.HostPort, PortRangeError);
        }

        if (port.Protocol.Length != 0 && !SupportedProtocols.Contains(port.Protocol, StringComparer.Ordinal))
        {
            yield return FieldError.NotSupported(port.Path + ".protocol", port.Protocol, SupportedProtocols);
        }
    }

    public static bool IsValidPortNum(int port) => port is >= 1 and <= 65535;
}
