namespace Hostnet.Cli.Input;

/// <summary>One input to check: the name to report it under, and the file to read or the bytes already read.</summary>
/// <param name="Name">The name findings report.</param>
/// <param name="FullPath">The file to read; null for standard input.</param>
/// <param name="Bytes">Standard input's bytes, read once at collection; null for a file.</param>
internal sealed record InputSource(string Name, string? FullPath, byte[]? Bytes);
