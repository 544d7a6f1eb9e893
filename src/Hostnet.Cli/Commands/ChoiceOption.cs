using System.CommandLine;

namespace Hostnet.Cli.Commands;

/// <summary>
/// An option that takes one word of a fixed list, in any case, and gives it back as written in the list. A wrong
/// word is a one-line usage error naming the choices, not the parser's multi-line message with a .NET type name.
/// </summary>
internal static class ChoiceOption
{
    public static Option<string> Create(string name, string description, string defaultWord, IReadOnlyList<string> choices, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => defaultWord,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return defaultWord;
                }

                var word = result.Tokens[^1].Value;
                var choice = choices.FirstOrDefault(c => string.Equals(c, word, StringComparison.OrdinalIgnoreCase));
                if (choice is null)
                {
                    result.AddError($"{name} must be one of {string.Join(", ", choices)}, not '{word}'");
                }

                return choice;
            },
        };
        option.CompletionSources.Add([.. choices]);
        return option;
    }
}
