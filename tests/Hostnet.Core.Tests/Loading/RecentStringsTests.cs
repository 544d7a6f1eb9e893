using System.Text;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>The strings read lately are shared, never mixed up: whatever was read before, the text is the bytes'.</summary>
public sealed class RecentStringsTests
{
    [Fact]
    public void Get_ManyStringsInAnyOrder_AlwaysTheBytesText()
    {
        var random = new Random(16);
        // More distinct strings than slots, of every length up to the bound, many sharing their first or last eight bytes.
        var texts = Enumerable.Range(0, 3000)
            .Select(i => (i % 3) switch
            {
                0 => new string(Enumerable.Range(0, random.Next(RecentStrings.MaxLength + 1)).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray()),
                1 => "containerPort" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-node-exporter",
            })
            .Where(t => t.Length <= RecentStrings.MaxLength)
            .ToArray();
        var recent = new RecentStrings();

        for (var i = 0; i < 20_000; i++)
        {
            var text = texts[random.Next(texts.Length)];
            recent.Get(Encoding.ASCII.GetBytes(text)).ShouldBe(text);
        }
    }

    [Fact]
    public void Get_TheSameBytesAgain_TheSameString()
    {
        var recent = new RecentStrings();

        var first = recent.Get("containerPort"u8);

        recent.Get("containerPort"u8).ShouldBeSameAs(first);
        recent.Get(""u8).ShouldBe(string.Empty);
    }
}
