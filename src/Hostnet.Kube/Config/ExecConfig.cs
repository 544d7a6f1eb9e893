namespace Hostnet.Kube.Config;

/// <summary>
/// A user's <c>exec</c> credential plugin (client-go <c>api.ExecConfig</c>), e.g. <c>aws eks get-token</c>,
/// <c>gke-gcloud-auth-plugin</c> or <c>kubelogin</c>.
/// </summary>
/// <param name="Command">The program; a path with a '/' was resolved against the kubeconfig's directory, a bare name is looked up on PATH.</param>
/// <param name="Environment">Extra variables for the plugin, on top of hostnet's own environment.</param>
/// <param name="ApiVersion"><c>client.authentication.k8s.io/v1</c> or <c>v1beta1</c>.</param>
/// <param name="InteractiveMode"><c>Never</c>, <c>IfAvailable</c> or <c>Always</c>; null when the file does not say.</param>
public sealed record ExecConfig(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string ApiVersion,
    string? InstallHint,
    bool ProvideClusterInfo,
    string? InteractiveMode)
{
    public override string ToString() => $"exec {Command} ({ApiVersion})";
}
