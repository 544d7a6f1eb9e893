using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hostnet.Core.Admission;
using Microsoft.AspNetCore.Http;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// The AdmissionReview that answers a request, written as UTF-8 straight from the decision into the response: camelCase
/// fields, absent values left out, quotes and backticks of messages as they are (<c>\u0060</c> in a denial is hard to
/// read; the answer goes to the API server, never into HTML). It writes the bytes the source-generated serializer wrote
/// from the response records it replaces, without building them, the serializer's per-call state, or a copy of the
/// body into an exact-length array (issue 16); <c>bench/aot-parity.sh</c> compares the answers with an earlier build.
/// </summary>
internal static class AdmissionAnswer
{
    /// <summary>The only patch type admission.k8s.io/v1 knows.</summary>
    public const string JsonPatchType = "JSONPatch";

    /// <summary>A buffer that grew past this for a long answer is not kept by its thread.</summary>
    private const int KeptBufferBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Sets the status, the type and the Content-Length (one write: no chunked encoding, one TLS record) and puts the
    /// answer into the response's pipe; the caller flushes it. Written whole before anything is sent: no truncated 200.
    /// </summary>
    public static void WriteTo(HttpResponse response, string uid, AdmissionDecision decision)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        try
        {
            Write(writer, uid, decision);
            writer.Flush();
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.ContentLength = buffer.WrittenCount;
            response.BodyWriter.Write(buffer.WrittenSpan);
        }
        finally
        {
            writer.Reset(buffer);
            buffer.ResetWrittenCount();
            if (buffer.Capacity > KeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>The answer to the request <paramref name="uid"/> (its <c>uid</c>, echoed: the API server matches the answer by it).</summary>
    public static void Write(Utf8JsonWriter writer, string uid, AdmissionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(decision);
        writer.WriteStartObject();
        writer.WriteString("apiVersion"u8, AdmissionReview.V1);
        writer.WriteString("kind"u8, "AdmissionReview"u8);
        writer.WriteStartObject("response"u8);
        writer.WriteString("uid"u8, uid);
        writer.WriteBoolean("allowed"u8, decision.Allowed);
        if (decision.DenialMessage is { } message)
        {
            // metav1.Status: kubectl prints its message.
            writer.WriteStartObject("status"u8);
            writer.WriteNumber("code"u8, StatusCodes.Status403Forbidden);
            writer.WriteString("message"u8, message);
            writer.WriteEndObject();
        }

        if (decision.Patch is { } patch)
        {
            // The RFC 6902 JSON Patch, as base64 of its UTF-8 text, as the API expects.
            WritePatch(writer, patch);
            writer.WriteString("patchType"u8, JsonPatchType);
        }

        if (decision.AuditAnnotations.Count > 0)
        {
            writer.WriteStartObject("auditAnnotations"u8);
            foreach (var (key, value) in decision.AuditAnnotations)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        if (decision.Warnings.Count > 0)
        {
            writer.WriteStartArray("warnings"u8);
            foreach (var warning in decision.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WritePatch(Utf8JsonWriter writer, string patch)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(patch.Length));
        try
        {
            writer.WriteBase64String("patch"u8, bytes.AsSpan(0, Encoding.UTF8.GetBytes(patch, bytes)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
