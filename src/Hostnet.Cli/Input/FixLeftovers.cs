using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Hostnet.Cli.Input;

/// <summary>
/// The temporary files <c>hostnet fix --write</c> writes beside a file before renaming them over it, named
/// <c>.NAME.hostnet-fix-RANDOM.tmp</c> so that a later run recognises the ones a killed run left behind.
/// </summary>
internal static partial class FixLeftovers
{
    /// <summary>A new temporary name beside <paramref name="path"/> (random, so it is created exclusively or not at all).</summary>
    public static string NewName(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.hostnet-fix-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");

    /// <summary>
    /// Removes the temporary files of earlier runs from <paramref name="directory"/>: regular files named as
    /// <see cref="NewName"/> names them, last written before <paramref name="runStarted"/> and not held by a running
    /// fix (a writer keeps its temporary file locked until the rename). Returns the names removed.
    /// </summary>
    public static List<string> RemoveOld(string directory, DateTime runStarted)
    {
        var removed = new List<string>();
        foreach (var candidate in Directory.EnumerateFiles(directory, ".*.hostnet-fix-*.tmp"))
        {
            var file = new FileInfo(candidate);
            if (!TemporaryName().IsMatch(file.Name) || file.LinkTarget is not null || file.LastWriteTimeUtc >= runStarted)
            {
                continue;
            }

            try
            {
                // The same lock a writer holds: taking it proves no running fix is about to rename this file.
                using var held = new FileStream(candidate, FileMode.Open, FileAccess.Read, FileShare.None);
                File.Delete(candidate);
                removed.Add(candidate);
            }
            catch (IOException)
            {
                // Held by a fix that is still running, or gone already: not ours to remove.
            }
        }

        return removed;
    }

    [GeneratedRegex(@"^\..+\.hostnet-fix-[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
