namespace Hostnet.Core.Semantics.Dns;

/// <summary>A Warning event the kubelet records while it forms a pod's DNS configuration.</summary>
/// <param name="InvolvedObject"><c>Pod</c> or <c>Node</c>: the object the event is recorded on.</param>
public sealed record KubeletEvent(string InvolvedObject, string Reason, string Message);
