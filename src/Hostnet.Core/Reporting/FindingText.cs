using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary>The one-line wording of a finding for formats that have a single message field (SARIF, GitHub).</summary>
internal static class FindingText
{
    /// <summary>The message, then the fix as its own sentence: <c>… do not resolve. Fix: set dnsPolicy: …</c>.</summary>
    public static string WithFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Fix is not { } fix)
        {
            return diagnostic.Message;
        }

        var stop = diagnostic.Message.EndsWith('.') ? " " : ". ";
        return diagnostic.Message + stop + "Fix: " + fix;
    }

}
