namespace Hostnet.Core.Scheduling.Planning;

/// <summary>An object of the input that the cluster refuses, so that none of its pods ever exists.</summary>
/// <param name="Kind">The object's kind, e.g. <c>Deployment</c>.</param>
/// <param name="Namespace">Its namespace (the default one when it names none).</param>
/// <param name="Name">Its name.</param>
/// <param name="RefusedBy"><c>the API server</c> (validation), or <c>Pod Security</c> or <c>the Pod validation</c> (which refuse its pods).</param>
/// <param name="Message">What Kubernetes says, as kubectl prints it.</param>
public sealed record RefusedObject(string Kind, string Namespace, string Name, string RefusedBy, string Message)
{
    public string DisplayName => $"{Kind}/{Name}";
}
