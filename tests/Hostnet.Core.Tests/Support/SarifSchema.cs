using System.Diagnostics;
using System.Text;

namespace Hostnet.Core.Tests.Support;

/// <summary>
/// Validates a SARIF document against the official 2.1.0 schema with Debian's python3-jsonschema (no JSON-schema
/// validator restores for .NET here; see DOTNET.md). test.sh installs the package; without it the tests fail, never skip.
/// </summary>
internal static class SarifSchema
{
    public static string SchemaPath => Path.Combine(RepositoryPaths.Reference, "sarif", "sarif-schema-2.1.0.json");

    // Reads the document from stdin; prints one line per violation and exits 1 when there is any.
    private const string Script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.loads(sys.stdin.buffer.read())
        validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            print("/" + "/".join(map(str, error.absolute_path)) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """;

    /// <summary>The violations, one per line; empty when the document is valid.</summary>
    public static string Violations(string sarif)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(SchemaPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(sarif);
        process.StandardInput.Close();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        return process.ExitCode switch
        {
            0 => string.Empty,
            1 when stderr.Result.Length == 0 => output,
            _ => throw new InvalidOperationException($"the validator failed (exit {process.ExitCode}); is python3-jsonschema installed (apt-get install python3-jsonschema)?\n{output}"),
        };
    }
}
