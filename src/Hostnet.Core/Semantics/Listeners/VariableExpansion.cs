using System.Text;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// The kubelet's <c>$(VAR)</c> expansion of command and args from the container's environment:
/// <c>$$</c> escapes a dollar, a reference to an unknown variable stays as written.
/// Mirrors kubernetes third_party/forked/golang/expansion/expand.go (Expand).
/// </summary>
internal static class VariableExpansion
{
    public static string Expand(string input, IReadOnlyDictionary<string, string> variables)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i++]);
                continue;
            }

            if (input[i + 1] == '$')
            {
                output.Append('$');
                i += 2;
                continue;
            }

            var close = input[i + 1] == '(' ? input.IndexOf(')', i + 2) : -1;
            if (close < 0)
            {
                output.Append(input[i++]);
                continue;
            }

            var name = input[(i + 2)..close];
            output.Append(variables.TryGetValue(name, out var value) ? value : input[i..(close + 1)]);
            i = close + 1;
        }

        return output.ToString();
    }
}
