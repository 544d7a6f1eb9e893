namespace Hostnet.Core.Semantics.Sysctls;

/// <summary>The kernel namespace a sysctl belongs to, as far as Kubernetes knows.</summary>
public enum SysctlNamespace
{
    Unknown,
    Ipc,
    Net,
}
