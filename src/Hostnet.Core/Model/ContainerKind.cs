namespace Hostnet.Core.Model;

/// <summary>Which list of the pod spec a container comes from.</summary>
public enum ContainerKind
{
    Regular,
    Init,
    Ephemeral,
}
