namespace Hostnet.Kube.Config;

/// <summary>The kubeconfig (or in-cluster config) cannot give a usable connection; the message says why, for the user.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubeConfigException()
    {
    }
}
