using System.Globalization;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// <see cref="Rfc3339Time.Parse"/> reads the form Kubernetes writes without the general parser: on generated times
/// and on odd strings it must give exactly what <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/> gives.
/// </summary>
public sealed class Rfc3339TimeTests
{
    public static TheoryData<string?> OddTimes() =>
    [
        null, string.Empty, " ", "2026-12-05T21:46:00Z", "2026-12-05T21:46:00z", "2026-12-05t21:46:00Z", "2026-12-05 21:46:00Z",
        "2026-12-05T21:46:00", "2026-12-05T21:46:00.123Z", "2026-12-05T21:46:00+02:00", "2026-12-05T21:46:00-07:30",
        "2026-12-05T24:00:00Z", "2026-12-05T23:60:00Z", "2026-12-05T23:59:60Z", "2026-13-05T21:46:00Z", "2026-00-05T21:46:00Z",
        "2026-12-00T21:46:00Z", "2026-12-32T21:46:00Z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "0050-06-15T12:00:00Z", "9999-12-31T23:59:59Z",
        "2026-12-05T21:46:0aZ", "2026-12-05T21:46:00ZZ", " 2026-12-05T21:46:00Z", "2026-12-05T21:46:00Z ", "2026/12/05T21:46:00Z",
        "2026-12-05X21:46:00Z", "2026-12-05T21-46-00Z", "+026-12-05T21:46:00Z", "-026-12-05T21:46:00Z", "2026-1-05T21:46:00Z",
        "２０２６-12-05T21:46:00Z", "2026-12-05T21:46Z", "Sat, 05 Dec 2026 21:46:00 GMT", "12/05/2026 21:46:00", "now",
    ];

    [Theory]
    [MemberData(nameof(OddTimes))]
    public void Parse_OddString_AsTryParse(string? text) => Parse(text).ShouldBe(General(text));

    [Fact]
    public void Parse_GeneratedTimes_AsTryParse()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 20_000; i++)
        {
            // Fields drawn past their ranges too, so the fast path's checks meet the general parser's.
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}T{random.Next(0, 26):D2}:{random.Next(0, 62):D2}:{random.Next(0, 62):D2}Z");
            Parse(text).ShouldBe(General(text), text);
        }
    }

    /// <summary>The instant and the offset: DateTimeOffset's equality compares the instant only.</summary>
    private static (long, TimeSpan)? Parse(string? text) => Rfc3339Time.Parse(text) is { } time ? (time.UtcTicks, time.Offset) : null;

    private static (long, TimeSpan)? General(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? (time.UtcTicks, time.Offset) : null;
}
