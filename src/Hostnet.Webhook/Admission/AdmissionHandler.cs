using System.Buffers;
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
/// <para>
/// Every review has a deadline (<see cref="WebhookOptions.RequestTimeout"/>, below the API server's timeoutSeconds)
/// from its arrival: a body that has not arrived by then gets 408, a review not decided by then 504, each with one line,
/// so the API server applies the failurePolicy at once and with a reason. At most
/// <see cref="WebhookOptions.MaxConcurrentReviews"/> reviews are read and evaluated at a time, which bounds the memory
/// their bodies take. An answer is written whole or not at all: nothing cancels it once it starts.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore holds no handle unless AvailableWaitHandle is read, and the handler lives as long as the server.")]
internal sealed partial class AdmissionHandler(PolicyStore policies, WebhookMetrics metrics, long maxBodyBytes, ILogger<AdmissionHandler> logger, TimeSpan? reviewTimeout = null, int maxConcurrentReviews = WebhookOptions.DefaultMaxConcurrentReviews)
{
    private readonly TimeSpan _deadline = reviewTimeout ?? TimeSpan.FromSeconds(1.5);
    private readonly SemaphoreSlim _slots = new(maxConcurrentReviews, maxConcurrentReviews);
    private readonly ArrayPool<byte> _bodies = RequestBody.CreatePool(maxConcurrentReviews);
    private readonly LogRateLimit _refusalLog = new(10, TimeProvider.System);

    public async Task HandleAsync(HttpContext context, AdmissionEndpoint endpoint)
    {
        var started = Stopwatch.GetTimestamp();
        var name = endpoint == AdmissionEndpoint.Validate ? "validate" : "mutate";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(_deadline);
        var slotHeld = false;
        var stage = "review";
        try
        {
            await _slots.WaitAsync(deadline.Token).ConfigureAwait(false);
            slotHeld = true;
            stage = "body";
            var (request, subject, refusal, status) = await ReadAsync(context, NeedsObjectTree(endpoint), deadline.Token).ConfigureAwait(false);
            stage = "review";
            if (status == StatusCodes.Status408RequestTimeout)
            {
                // Kestrel's minimum data rate cut a body that trickled in.
                metrics.RecordTimeout(name, "body");
            }

            if (request is null || subject is null)
            {
                await RefuseAsync(context, name, started, status, refusal!).ConfigureAwait(false);
                return;
            }

            var policy = policies.Current;
            // The core decides on this thread, with no hop to another one per review. It cannot be interrupted: a review
            // past its deadline is answered by the deadline itself (DeadlineRace) and finishes here, keeping its slot
            // until then, so late reviews cannot pile up beyond the limit.
            var race = new DeadlineRace(this, context, name, started, context.RequestAborted);
            AdmissionDecision? decision = null;
            using (deadline.Token.Register(DeadlineRace.Expire, race))
            {
                try
                {
                    // A deadline already past when registered has answered 504 at once: no decision to work out.
                    if (!race.HasExpired)
                    {
                        decision = endpoint == AdmissionEndpoint.Validate ? AdmissionEvaluator.Validate(subject, policy) : AdmissionEvaluator.Mutate(subject, policy);
                    }
                }
                catch (Exception) when (!race.TryDecide())
                {
                    // Already answered 504: a late failure is not answered again (the response is being written).
                }
            }

            slotHeld = false;
            _slots.Release();
            if (!race.TryDecide())
            {
                // The registration's disposal waited for the deadline's callback: its answer is under way.
                await race.Refusal.ConfigureAwait(false);
                return;
            }

            // The client went away while the core decided: nobody is left to answer.
            context.RequestAborted.ThrowIfCancellationRequested();
            Answer(context, name, started, request, subject, decision!);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await TimeOutAsync(context, name, started, stage).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            // The client went away (or reset the connection): nobody is left to answer.
            if (logger.IsEnabled(LogLevel.Warning) && _refusalLog.TryTake(out var dropped))
            {
                LogClientGone(logger, name, stage, dropped);
            }
        }
        catch (Exception error)
        {
            // Kestrel's own log of it is filtered out (WebhookServer): one line here instead, and Kestrel answers 500.
            LogFailed(logger, name, stage, error.GetType().Name, OneLine(error.Message));
            throw;
        }
        finally
        {
            if (slotHeld)
            {
                _slots.Release();
            }
        }
    }

    /// <summary>
    /// Counts, logs and writes the answer into the response. Kestrel sends it when the handler returns, in the flush
    /// that ends every response (one flush instead of the handler's and then Kestrel's).
    /// </summary>
    private void Answer(HttpContext context, string name, long started, AdmissionRequest request, AdmissionSubject subject, AdmissionDecision decision)
    {
        var dryRun = request.DryRun == true;
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
            // A mutation answers with a patch and no findings: its log line lists what the patch changes.
            var ids = decision.Verdict == AdmissionVerdict.Mutated ? string.Join(',', decision.Changes) : FindingIds(decision.Findings);
            var line = new AnswerLogLine(
                name,
                request.Uid!,
                subject.Kind,
                request.Namespace ?? string.Empty,
                request.Name ?? string.Empty,
                subject.Operation,
                dryRun,
                AnswerLogLine.NameOf(decision.Verdict),
                ids,
                elapsed.TotalMilliseconds);
            logger.Log(LogLevel.Information, AnswerLogLine.Id, line, null, AnswerLogLine.Formatter);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var finding in decision.Findings)
            {
                LogFinding(logger, request.Uid!, finding.Action, finding);
            }
        }

        // Never cancelled by a deadline once started: the answer goes whole or not at all.
        AdmissionAnswer.WriteTo(context.Response, request.Uid!, decision);
    }

    private static string FindingIds(IReadOnlyList<AdmissionFinding> findings)
    {
        var ids = new string[findings.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = findings[i].Id;
        }

        return string.Join(',', ids);
    }

    /// <summary>
    /// The review's request and what the core is asked about, or why there is none. The body is read whole and parsed
    /// once: <c>request.object</c> is loaded as it is read (<see cref="AdmissionReviewReader"/>; the serializer reads
    /// what that reader leaves to it), the objects are marked in it (<see cref="RawJson"/>) and their bytes copied
    /// from it before its buffer goes back to the pool.
    /// </summary>
    private async Task<(AdmissionRequest? Request, AdmissionSubject? Subject, string? Refusal, int Status)> ReadAsync(HttpContext context, bool loadObject, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBodyBytes)
        {
            return (null, null, $"the request body is larger than the {maxBodyBytes / (1024 * 1024)} MiB limit", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            using var body = await RequestBody.ReadAsync(context.Request, _bodies, maxBodyBytes, cancellationToken).ConfigureAwait(false);
            var (review, loaded) = AdmissionReviewReader.TryRead(body.Bytes, loadObject) is { } read
                ? read
                : (JsonSerializer.Deserialize(body.Bytes, WebhookJson.Default.AdmissionReview), null);
            if (Problem(review) is { } problem)
            {
                return (null, null, problem, StatusCodes.Status400BadRequest);
            }

            var request = review!.Request!;
            var subject = new AdmissionSubject(
                request.Kind?.Kind ?? string.Empty,
                request.Operation ?? string.Empty,
                request.Namespace,
                request.SubResource,
                request.Object is { ValueKind: JsonValueKind.Object } created ? created.BytesIn(body.Bytes) : null,
                request.OldObject is { ValueKind: JsonValueKind.Object } old ? old.BytesIn(body.Bytes) : null)
            {
                LoadedObject = loaded,
            };
            return (request, subject, null, StatusCodes.Status200OK);
        }
        catch (JsonException error)
        {
            return (null, null, Malformed(error), StatusCodes.Status400BadRequest);
        }
        catch (DecoderFallbackException)
        {
            // The reader checks the object's syntax, not its bytes: they are checked only here (RawJson.BytesIn).
            return (null, null, "the AdmissionReview's request.object is not valid UTF-8", StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException error)
        {
            var text = error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than the {maxBodyBytes / (1024 * 1024)} MiB limit"
                : "unreadable request: " + OneLine(error.Message);
            return (null, null, text, error.StatusCode);
        }
    }

    /// <summary>Why a deserialized body cannot be reviewed; null when it can.</summary>
    private static string? Problem(AdmissionReview? review) => review switch
    {
        null => "the body is not an AdmissionReview (null)",
        { ApiVersion: not AdmissionReview.V1 } => $"only {AdmissionReview.V1} AdmissionReviews are served, not \"{review.ApiVersion}\"",
        { Request: null } => "the AdmissionReview has no request",
        { Request.Uid: null or "" } => "the AdmissionReview's request has no uid",
        // An object that is not one would be admitted unchecked. Only a DELETE has none (the API server sends null).
        { Request.Object: { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) } other } =>
            $"the AdmissionReview's request.object is {Article(other.ValueKind)}, not an object",
        { Request: { Object: null or { ValueKind: JsonValueKind.Null }, Operation: not "DELETE" } } =>
            $"the AdmissionReview's request has no object (only a DELETE may have none; the operation is {(string.IsNullOrEmpty(review.Request.Operation) ? "missing" : review.Request.Operation)})",
        _ => null,
    };

    /// <summary>
    /// Whether the review's object is worth loading as the body is read: always for <c>/validate</c>; for <c>/mutate</c>
    /// only under a policy that patches (a dry run or no mutation answers unchanged without reading the object). A
    /// policy reloaded in between is still right: the core loads from the object's bytes what was not loaded here.
    /// </summary>
    private bool NeedsObjectTree(AdmissionEndpoint endpoint) =>
        endpoint == AdmissionEndpoint.Validate || policies.Current is { Mode: not PolicyMode.DryRun, Mutations.Count: > 0 };

    /// <summary>Answers a review past its deadline: 408 when its body had not arrived, 504 when it was not decided.</summary>
    private Task TimeOutAsync(HttpContext context, string name, long started, string stage)
    {
        metrics.RecordTimeout(name, stage);
        var text = stage == "body"
            ? $"the request body did not arrive within {_deadline.TotalSeconds:0.###}s"
            : $"the review did not finish within {_deadline.TotalSeconds:0.###}s (the API server applies the webhook's failurePolicy)";
        return RefuseAsync(context, name, started, stage == "body" ? StatusCodes.Status408RequestTimeout : StatusCodes.Status504GatewayTimeout, text);
    }

    /// <summary>Answers a request refused before a decision (malformed, too large, too slow) with one line, counted and logged.</summary>
    private async Task RefuseAsync(HttpContext context, string name, long started, int status, string message)
    {
        metrics.RecordRejected(name, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        LogLimited(name, status, message);
        if (context.Response.HasStarted)
        {
            return;
        }

        // One write with a Content-Length, as the answers: the line arrives whole or not at all.
        var body = System.Text.Encoding.UTF8.GetBytes(message + "\n");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>One line per refused request, at most ten a second; the next line says how many were left out.</summary>
    private void LogLimited(string name, int status, string reason)
    {
        if (logger.IsEnabled(LogLevel.Warning) && _refusalLog.TryTake(out var dropped))
        {
            LogRefused(logger, name, status, dropped == 0 ? reason : $"{reason} ({dropped} more refusals not logged)");
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        _ => "a boolean",
    };

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Uid} {Action}: {Finding}")]
    private static partial void LogFinding(ILogger logger, string uid, PolicyAction action, AdmissionFinding finding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint}: the client closed the connection during the {Stage} ({Dropped} earlier refusals not logged)")]
    private static partial void LogClientGone(ILogger logger, string endpoint, string stage, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Endpoint} failed during the {Stage}: {Type}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string endpoint, string stage, string type, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} refused with HTTP {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string endpoint, int status, string reason);
}
