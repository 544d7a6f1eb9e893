namespace Hostnet.Core.Model;

/// <summary>A probe or lifecycle hook that reaches the container over the network.</summary>
/// <param name="Path">Field path of the handler, e.g. <c>spec.containers[0].readinessProbe.httpGet</c>.</param>
/// <param name="Source">Where it sits: <c>livenessProbe</c>, <c>readinessProbe</c>, <c>startupProbe</c>, <c>lifecycle.postStart</c>, ….</param>
/// <param name="Action"><c>httpGet</c>, <c>tcpSocket</c> or <c>grpc</c>.</param>
/// <param name="Port">The port: a number or a named container port.</param>
/// <param name="Host">The <c>host</c> field, when set.</param>
public sealed record ProbeHandler(string Path, string Source, string Action, IntOrString Port, string? Host);
