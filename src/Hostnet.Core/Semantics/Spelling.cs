namespace Hostnet.Core.Semantics;

/// <summary>Suggests the valid value a user most likely meant.</summary>
internal static class Spelling
{
    /// <summary>The candidate nearest to <paramref name="value"/> by case-insensitive edit distance, if reasonably near.</summary>
    public static string? Nearest(string value, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.candidate is not null && best.distance <= Math.Max(3, best.candidate.Length / 2) ? best.candidate : null;
    }

    /// <summary>Whether the Levenshtein distance is exactly 1, in linear time: past the common prefix and suffix,
    /// one character replaced, inserted or deleted.</summary>
    public static bool IsOneEdit(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var shorter = Math.Min(a.Length, b.Length);
        var prefix = 0;
        while (prefix < shorter && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shorter - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        return a.Length - prefix - suffix <= 1 && b.Length - prefix - suffix <= 1;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
