namespace Hostnet.Kube.Http;

/// <summary>A body went past a limit of <see cref="BoundedJsonStream"/>; the message says which ("more than 1 MiB").</summary>
internal sealed class JsonBodyLimitException : Exception
{
    public JsonBodyLimitException(string message)
        : base(message)
    {
    }

    public JsonBodyLimitException()
    {
    }

    public JsonBodyLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
