namespace Hostnet.Core.Model;

/// <summary><c>securityContext.seLinuxOptions</c>: each field empty when not written.</summary>
public sealed record SeLinuxOptions(string User, string Role, string Type);
