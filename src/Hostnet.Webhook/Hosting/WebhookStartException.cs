namespace Hostnet.Webhook.Hosting;

/// <summary>The webhook cannot start: a file given at start does not load, or the address cannot be listened on. The message is one line for the user.</summary>
public sealed class WebhookStartException : Exception
{
    public WebhookStartException()
    {
    }

    public WebhookStartException(string message)
        : base(message)
    {
    }

    public WebhookStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
