using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hostnet.Core.Admission;
using Hostnet.Webhook.Hosting;
using Hostnet.Webhook.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// Reads an AdmissionReview, asks the core for a decision under the current policy, and answers. Bad requests get
/// HTTP 400 (413 when too large) with one line of text; the API server reads only HTTP 200 answers, so it applies
/// the webhook's failurePolicy to those.
/// </summary>
internal sealed partial class AdmissionHandler(PolicyStore policies, WebhookMetrics metrics, long maxBodyBytes, ILogger<AdmissionHandler> logger)
{
    public async Task HandleAsync(HttpContext context, AdmissionEndpoint endpoint)
    {
        var started = Stopwatch.GetTimestamp();
        var name = endpoint == AdmissionEndpoint.Validate ? "validate" : "mutate";
        var (review, refusal, status) = await ReadAsync(context).ConfigureAwait(false);
        if (review?.Request is not { } request)
        {
            metrics.RecordRejected(name, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
            LogRefused(logger, name, status, refusal!);
            await RefuseAsync(context, status, refusal!).ConfigureAwait(false);
            return;
        }

        var subject = new AdmissionSubject(
            request.Kind?.Kind ?? string.Empty,
            request.Operation ?? string.Empty,
            request.Namespace,
            request.SubResource,
            request.Object is { ValueKind: JsonValueKind.Object } created ? created.GetRawText() : null,
            request.OldObject is { ValueKind: JsonValueKind.Object } old ? old.GetRawText() : null);
        var policy = policies.Current;
        var dryRun = request.DryRun == true;
        var decision = endpoint == AdmissionEndpoint.Validate ? AdmissionEvaluator.Validate(subject, policy) : AdmissionEvaluator.Mutate(subject, policy);
        var response = Respond(request.Uid!, decision);

        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.RecordRequest(name, KindLabel(subject), OperationLabel(subject.Operation), decision.Verdict, elapsed.TotalSeconds);
        if (!dryRun)
        {
            // A dry run changes nothing, so its findings do not count as findings admitted or denied.
            foreach (var finding in decision.Findings)
            {
                metrics.RecordFinding(finding.Id, finding.Action);
            }
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var verdict = decision.Verdict.ToString();
            // A mutation answers with a patch and no findings: its log line lists what the patch changes.
            var ids = string.Join(",", decision.Verdict == AdmissionVerdict.Mutated ? decision.Changes : decision.Findings.Select(f => f.Id));
            LogAnswered(
                logger,
                name,
                request.Uid!,
                subject.Kind,
                request.Namespace ?? string.Empty,
                request.Name ?? string.Empty,
                subject.Operation,
                dryRun,
                verdict,
                ids,
                elapsed.TotalMilliseconds);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var finding in decision.Findings)
            {
                LogFinding(logger, request.Uid!, finding.Action, finding);
            }
        }

        // One write with a Content-Length: no chunked encoding, and one TLS record and flush instead of several.
        var body = JsonSerializer.SerializeToUtf8Bytes(AdmissionReview.Answer(response), WebhookJson.Relaxed.AdmissionReview);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static AdmissionResponse Respond(string uid, AdmissionDecision decision) => new()
    {
        Uid = uid,
        Allowed = decision.Allowed,
        Status = decision.DenialMessage is { } message ? new AdmissionStatus(StatusCodes.Status403Forbidden, message) : null,
        Warnings = decision.Warnings.Count > 0 ? decision.Warnings : null,
        AuditAnnotations = decision.AuditAnnotations.Count > 0 ? decision.AuditAnnotations : null,
        Patch = decision.Patch is { } patch ? Encoding.UTF8.GetBytes(patch) : null,
        PatchType = decision.Patch is null ? null : AdmissionResponse.JsonPatchType,
    };

    private async Task<(AdmissionReview? Review, string? Refusal, int Status)> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBodyBytes)
        {
            return (null, $"the request body is larger than the {maxBodyBytes / (1024 * 1024)} MiB limit", StatusCodes.Status413PayloadTooLarge);
        }

        AdmissionReview? review;
        try
        {
            review = await JsonSerializer.DeserializeAsync(context.Request.Body, WebhookJson.Relaxed.AdmissionReview, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            return (null, Malformed(error), StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException error)
        {
            var text = error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than the {maxBodyBytes / (1024 * 1024)} MiB limit"
                : "unreadable request: " + OneLine(error.Message);
            return (null, text, error.StatusCode);
        }

        var problem = review switch
        {
            null => "the body is not an AdmissionReview (null)",
            { ApiVersion: not AdmissionReview.V1 } => $"only {AdmissionReview.V1} AdmissionReviews are served, not \"{review.ApiVersion}\"",
            { Request: null } => "the AdmissionReview has no request",
            { Request.Uid: null or "" } => "the AdmissionReview's request has no uid",
            _ => null,
        };
        return problem is null ? (review, null, StatusCodes.Status200OK) : (null, problem, StatusCodes.Status400BadRequest);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted).ConfigureAwait(false);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>Where the JSON went wrong and why, without the serializer's .NET type names.</summary>
    private static string Malformed(JsonException error)
    {
        var reason = error.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        reason = cut >= 0 ? reason[..cut] : reason;
        cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        reason = cut >= 0 ? reason[..cut] : reason;
        if (reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            reason = "the value has the wrong JSON type for this field.";
        }

        var at = error.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var line = (error.LineNumber ?? 0) + 1;
        var column = (error.BytePositionInLine ?? 0) + 1;
        return OneLine($"malformed AdmissionReview{at} (line {line}, byte {column}): {reason}");
    }

    /// <summary>The kind as a metrics label: one of the kinds hostnet checks, or <c>other</c> (the set stays closed).</summary>
    private static string KindLabel(AdmissionSubject subject) => AdmissionEvaluator.ChecksKind(subject.Kind) ? subject.Kind : "other";

    private static string OperationLabel(string operation) => operation is "CREATE" or "UPDATE" or "DELETE" or "CONNECT" ? operation : "other";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Endpoint} {Uid} {Kind} {ObjectNamespace}/{Name} {Operation} dryRun={DryRun}: {Verdict} [{Findings}] in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string endpoint, string uid, string kind, string objectNamespace, string name, string operation, bool dryRun, string verdict, string findings, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Uid} {Action}: {Finding}")]
    private static partial void LogFinding(ILogger logger, string uid, PolicyAction action, AdmissionFinding finding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} refused with HTTP {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string endpoint, int status, string reason);
}
