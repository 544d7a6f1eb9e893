namespace Hostnet.Core.Model;

/// <summary>A Service port.</summary>
public sealed record ServicePort(string Path, string? Name, int Port, IntOrString? TargetPort, int NodePort, string Protocol);
