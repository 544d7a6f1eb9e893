namespace Hostnet.Bench.Workload;

/// <summary>One generated document: its namespace (for file placement), kind and YAML text.</summary>
internal sealed record GeneratedObject(string Namespace, string Kind, string Name, string Text, bool HostNetwork);
