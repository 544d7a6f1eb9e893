namespace Hostnet.Cli;

/// <summary>Exit codes of every command (PRODUCT.md).</summary>
internal static class ExitCodes
{
    /// <summary>Ran; nothing at or above the failing severity.</summary>
    public const int Success = 0;

    /// <summary>Ran; findings at or above the failing severity.</summary>
    public const int Findings = 1;

    /// <summary>Could not run: usage, unreadable or invalid input.</summary>
    public const int Invalid = 2;
}
