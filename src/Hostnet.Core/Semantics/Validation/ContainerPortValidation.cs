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
    /// only a written value outside the set fails. Every declared port of every workload is checked and almost all
    /// pass: the list is made on the first error.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(ContainerPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        List<FieldError>? errors = null;
        if (port.ContainerPortNumber == 0)
        {
            (errors ??= []).Add(FieldError.Required(port.Path + ".containerPort"));
        }
        else if (!IsValidPortNum(port.ContainerPortNumber))
        {
            (errors ??= []).Add(FieldError.Invalid(port.Path + ".containerPort", port.ContainerPortNumber, PortRangeError));
        }

        if (port.HostPort != 0 && !IsValidPortNum(port.HostPort))
        {
            (errors ??= []).Add(FieldError.Invalid(port.Path + ".hostPort", port.HostPort, PortRangeError));
        }

        if (port.Protocol.Length != 0 && !SupportedProtocols.Contains(port.Protocol, StringComparer.Ordinal))
        {
            (errors ??= []).Add(FieldError.NotSupported(port.Path + ".protocol", port.Protocol, SupportedProtocols));
        }

        return errors ?? (IReadOnlyList<FieldError>)[];
    }

    public static bool IsValidPortNum(int port) => port is >= 1 and <= 65535;
}
