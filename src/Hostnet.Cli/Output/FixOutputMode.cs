namespace Hostnet.Cli.Output;

/// <summary>Where <c>hostnet fix</c> puts the fixed text: standard output, the files themselves, or a diff.</summary>
internal enum FixOutputMode
{
    Stream,
    Write,
    Diff,
}
