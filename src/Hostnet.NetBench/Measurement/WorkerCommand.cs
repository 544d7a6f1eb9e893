namespace Hostnet.NetBench.Measurement;

/// <summary>How to start hostnet itself (the installed command, or <c>dotnet hostnet.dll</c>) as a server or client.</summary>
internal sealed record WorkerCommand(IReadOnlyList<string> Arguments);
