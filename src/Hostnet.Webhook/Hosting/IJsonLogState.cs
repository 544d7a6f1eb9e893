using System.Text.Json;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// A log entry's state that writes its own JSON line: its message into characters, its properties into the line's
/// <c>State</c> object, as the JSON console formatter writes them (the same names, order and values).
/// <see cref="InlineConsoleLoggerProvider"/> writes such an entry straight as UTF-8: no message string, no boxed
/// values, and no detour through the formatter's string (issue 16: the line of every review).
/// </summary>
internal interface IJsonLogState
{
    /// <summary>Formats the message into <paramref name="destination"/>; false when it does not fit.</summary>
    bool TryFormatMessage(Span<char> destination, out int written);

    /// <summary>Writes the state's properties, the format last as <c>{OriginalFormat}</c>.</summary>
    void WriteProperties(Utf8JsonWriter writer);
}
