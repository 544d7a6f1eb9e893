namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A port a well-known image listens on by default.</summary>
internal sealed record WellKnownPort(int Port, string Protocol, string? Name);
