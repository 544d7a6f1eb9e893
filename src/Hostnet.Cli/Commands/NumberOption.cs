using System.CommandLine;
using System.Globalization;

namespace Hostnet.Cli.Commands;

/// <summary>
/// An option that takes a whole number within bounds. A word that is not one, or one out of range, is a one-line
/// usage error naming the range, not the parser's message with a .NET type name (nor, as a validator reading the
/// value would, an exception).
/// </summary>
internal static class NumberOption
{
    public static Option<int?> Create(string name, string description, int minimum, int maximum, string helpName = "N")
    {
        var option = new Option<int?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var word = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
                if (int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
                {
                    return number;
                }

                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {minimum} to {maximum}, not '{word}'"));
                return null;
            },
        };
        return option;
    }
}
