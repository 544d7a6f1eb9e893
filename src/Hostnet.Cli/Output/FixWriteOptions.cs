namespace Hostnet.Cli.Output;

/// <summary>How <c>hostnet fix --write</c> rewrites files.</summary>
/// <param name="Force">Whether read-only files are rewritten too (<c>--force</c>).</param>
/// <param name="RunStarted">When this run started: temporary files named as ours and older than this are leftovers.</param>
internal sealed record FixWriteOptions(bool Force, DateTime RunStarted);
