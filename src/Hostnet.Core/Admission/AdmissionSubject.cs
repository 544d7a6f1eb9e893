namespace Hostnet.Core.Admission;

/// <summary>What an AdmissionReview asks about: the parts of <c>request</c> that admission reads.</summary>
/// <param name="Kind"><c>request.kind.kind</c>, e.g. <c>Deployment</c>.</param>
/// <param name="Operation"><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c> or <c>CONNECT</c>.</param>
/// <param name="Namespace"><c>request.namespace</c>: where the object lands even when its metadata names none.</param>
/// <param name="SubResource"><c>request.subResource</c>, e.g. <c>status</c>; null or empty for the object itself.</param>
/// <param name="Object">The JSON text of <c>request.object</c>; null for DELETE.</param>
/// <param name="OldObject">The JSON text of <c>request.oldObject</c> (UPDATE); null otherwise.</param>
public sealed record AdmissionSubject(string Kind, string Operation, string? Namespace, string? SubResource, string? Object, string? OldObject);
