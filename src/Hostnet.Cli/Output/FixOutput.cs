using System.Text;
using Hostnet.Cli.Input;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Editing;
using Hostnet.Core.Fixing;

namespace Hostnet.Cli.Output;

/// <summary>
/// What <c>hostnet fix</c> gives back: the fixed text on standard output (or a diff, or the files rewritten in place),
/// then on standard error each fix and what is left for <c>hostnet check</c> to explain.
/// </summary>
internal static class FixOutput
{
    /// <summary>
    /// The names a diff gives a file: git's <c>a/</c> and <c>b/</c> prefixes on the path relative to the working
    /// directory, without <c>./</c> or <c>..</c> steps, which <c>git apply</c> refuses ("invalid path"). A file
    /// outside the working directory (or standard input) keeps the name it was given.
    /// </summary>
    private static (string From, string To) DiffNames(string path, string workingDirectory)
    {
        if (path == InputCollector.StandardInput)
        {
            return ("a/" + path, "b/" + path);
        }

        var relative = Path.GetRelativePath(workingDirectory, Path.GetFullPath(path, workingDirectory)).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? (path, path)
            : ("a/" + relative, "b/" + relative);
    }

    /// <summary>
    /// Puts the fixed texts where <paramref name="mode"/> says. With <see cref="FixOutputMode.Write"/>, a file that
    /// cannot be written is said on standard error as one line and the others are still written; returns those files.
    /// </summary>
    public static HashSet<string> Write(FixOutputMode mode, IReadOnlyList<FixedFile> files, FixWriteOptions options, CliEnvironment environment)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var cleaned = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var file in files)
        {
            var path = file.Original.Path;
            switch (mode)
            {
                case FixOutputMode.Diff:
                    var (from, to) = DiffNames(path, environment.WorkingDirectory);
                    environment.Output.Write(UnifiedDiff.Create(file.Original.Text, file.Text, from, to));
                    break;
                case FixOutputMode.Write when path != InputCollector.StandardInput:
                    if (file.Changed && TryReplace(path, file.Text, options, cleaned, environment) is { } error)
                    {
                        environment.Error.WriteLine($"hostnet: {path}: {error}");
                        failed.Add(path);
                    }

                    break;
                default:
                    // Several inputs make one stream: each starts a document of its own. One input goes out byte for byte.
                    if (previous is not null)
                    {
                        environment.Output.Write(previous.EndsWith('\n') ? string.Empty : "\n");
                        environment.Output.Write(file.Text.StartsWith("---", StringComparison.Ordinal) ? string.Empty : "---\n");
                    }

                    environment.Output.Write(file.Text);
                    previous = file.Text;
                    break;
            }
        }

        return failed;
    }

    /// <summary>Rewrites one file, first removing what killed runs left in its folder; null when written, else why not.</summary>
    private static string? TryReplace(string path, string text, FixWriteOptions options, HashSet<string> cleaned, CliEnvironment environment)
    {
        try
        {
            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            var folder = Path.GetDirectoryName(AtomicFile.Target(full)) ?? ".";
            if (cleaned.Add(folder))
            {
                foreach (var leftover in FixLeftovers.RemoveOld(folder, options.RunStarted))
                {
                    environment.Error.WriteLine($"hostnet: {Path.GetRelativePath(environment.WorkingDirectory, leftover)}: removed, a temporary file an interrupted hostnet fix left");
                }
            }

            return AtomicFile.Replace(full, text, options.Force);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"cannot write: {error.Message}";
        }
    }

    /// <summary>
    /// On standard error: each fix (file:line, rule, field), then what is left for <c>hostnet check</c> to explain.
    /// The fixes of files that could not be written (<paramref name="failed"/>) are not counted: they did not happen.
    /// </summary>
    public static void Summarise(FixOutcome outcome, FixOutputMode mode, IReadOnlySet<string> failed, CliEnvironment environment)
    {
        var fixedCount = 0;
        var written = outcome.Files.Where(f => !failed.Contains(f.Original.Path)).ToList();
        foreach (var file in written.Where(f => f.Applied.Count > 0))
        {
            foreach (var edit in file.Applied)
            {
                environment.Error.WriteLine($"hostnet: {file.Original.Path}: {edit.RuleId} fixed: {Describe(edit)}");
                fixedCount++;
            }
        }

        var left = outcome.Report.Diagnostics.Where(d => !d.IsSuppressed).ToList();
        var summary = new StringBuilder($"hostnet: {fixedCount} fix(es) in {written.Count(f => f.Changed)} file(s)");
        summary.Append(mode switch
        {
            FixOutputMode.Write => " written",
            FixOutputMode.Diff => " shown as a diff",
            _ => string.Empty,
        });
        if (failed.Count > 0)
        {
            summary.Append($"; {failed.Count} file(s) not written, as said above");
        }

        if (left.Count > 0)
        {
            summary.Append($"; {left.Count} finding(s) left ({string.Join(", ", left.GroupBy(d => d.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"))}): run hostnet check to see them");
        }

        environment.Error.WriteLine(summary.ToString());
    }

    private static string Describe(FieldEdit edit) => edit switch
    {
        SetField set => $"set {set.Path} to {set.Value.ToJsonString()}",
        AddField add => $"added {add.TargetPath}: {add.Value.ToJsonString()}",
        AppendItem append => $"added {append.Value.ToJsonString()} to {append.Path}",
        RemoveField remove => $"removed {remove.TargetPath}",
        RenameField rename => $"renamed {rename.SourcePath} to {rename.TargetPath}",
        _ => edit.TargetPath,
    };
}
