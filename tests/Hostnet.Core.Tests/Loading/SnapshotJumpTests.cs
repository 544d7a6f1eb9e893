using System.Text;
using System.Text.Json;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// The JSON snapshot reader jumps over the subtrees nothing reads (managedFields, a node's images, metadata it drops)
/// without tokenising them: the model, the positions and the errors must be those of reading every token.
/// </summary>
public sealed class SnapshotJumpTests
{
    private const string PodStart = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"";

    // What kubectl prints in managedFields, with the brackets, quotes and backslashes inside strings that a scanner must not count.
    private const string ManagedFields = """
        [
                        {
                            "apiVersion": "v1",
                            "fieldsV1": {
                                "f:status": {
                                    "k:{\"type\":\"Ready\"}": {
                                        ".": {},
                                        "f:message": "a ] b } c [ { \\\" \\\\"
                                    }
                                }
                            },
                            "manager": "kubelet"
                        }
                    ]
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Read_ManyObjectsWithJumpedSubtrees_GiveTheModelAndPositionsOfTheTextWithoutThem(string newline)
    {
        // More than the reader's 1 MiB buffer, so that objects are cut by its end and read again.
        var with = Snapshot(withUnread: true, newline, duplicate: false);
        with.Length.ShouldBeGreaterThan(2 * SnapshotJsonReader.BufferSize);
        var read = SnapshotText.Read(with);
        var expected = SnapshotText.Read(Snapshot(withUnread: false, newline, duplicate: false));
        read.Errors.ShouldBeEmpty();
        read.Warnings.ShouldBeEmpty();
        read.Snapshot.Pods.Count.ShouldBe(3000);
        SnapshotText.Model(read.Snapshot).ShouldBe(SnapshotText.Model(expected.Snapshot));

        // The duplicate's position and the first one's come from the reader's offsets, past thousands of jumps.
        var withDuplicate = Snapshot(withUnread: true, newline, duplicate: true);
        var (line, column) = PositionOf(withDuplicate, withDuplicate.LastIndexOf(PodStart, StringComparison.Ordinal));
        var (firstLine, firstColumn) = PositionOf(withDuplicate, withDuplicate.IndexOf(PodStart, StringComparison.Ordinal));
        SnapshotText.Read(withDuplicate).Errors.Select(e => $"{e.Position.Line}:{e.Position.Column} {e.Message}").ShouldBe(
            [$"{line}:{column} duplicate Pod \"default/p0\" (first at line {firstLine}, column {firstColumn})"]);
    }

    [Theory]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","managedFields":[{"f":"}"}],"labels":{"a" "b"}}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"managedFields":[1],"creationTimestamp":"t","generateName":{"x":[]},"labels":{"a":1 2}}}""")]
    [InlineData("{\"apiVersion\":\"v1\",\n \"kind\":\"Pod\",\n \"metadata\":{\"managedFields\":[\n {\"a\":\n [1]}\n ], \"name\": \"p\" \"x\"}}")]
    [InlineData("{\"apiVersion\":\"v1\",\r\n \"kind\":\"Node\",\r\n \"status\":{\"images\":[\r\n {\"names\":[\"a\"]}\r\n ],\r\n \"allocatable\": {\"cpu\": 1,,}}}")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"managedFields":[{}],}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"managedFields":[{}]}, "spec": {"volumes": [{"a": 1]]}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"managedFields":[{}]}, "spec": {"volumes": {"a": [1, 2""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","data":{"a":"b"},"metadata":{"name":"c"} "x":1}""")]
    public void Read_SyntaxErrorAfterAJump_IsReportedWhereTheTokeniserFindsIt(string text)
    {
        var (position, message) = TokeniserError(text);
        var error = SnapshotText.Read(text).Errors.ShouldHaveSingleItem();
        $"{error.Position.Line}:{error.Position.Column} {error.Message}".ShouldBe($"{position} malformed JSON: {message}");
    }

    [Fact]
    public void Read_GrammarInsideAJumpedSubtree_IsNotChecked()
    {
        // Documented in docs/cluster.md: only the brackets and strings of what is never read are paired.
        var result = SnapshotText.Read("""{"apiVersion":"v1","kind":"Pod","metadata":{"managedFields":[{"a" 1 2}],"name":"p","namespace":"default"}}""");
        result.Errors.ShouldBeEmpty();
        result.Snapshot.Pods.ShouldHaveSingleItem().Pod.Name.ShouldBe("p");
    }

    [Fact]
    public void Read_DuplicateKeyAfterAJump_IsReportedAtTheKey()
    {
        const string text = """{"apiVersion":"v1","kind":"Pod","metadata":{"managedFields":[{"a":"]"}],"name":"a","name":"b"}}""";
        var column = text.LastIndexOf("\"name\"", StringComparison.Ordinal) + 1;
        SnapshotText.Read(text).Errors.ShouldHaveSingleItem().ToString().ShouldBe(
            $"InputProblem {{ File = cluster.json, Position = 1:{column}, Message = key \"name\" already set in map (first at line 1, column {column - 11}) }}");
    }

    /// <summary>A List of pods (unread subtrees first, in the middle and last in their objects) and a node, the pod p0 again at the end if asked.</summary>
    private static string Snapshot(bool withUnread, string newline, bool duplicate)
    {
        var text = new StringBuilder("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(Pod(i, withUnread)).Append(",\n");
        }

        text.Append(Node(withUnread));
        if (duplicate)
        {
            text.Append(",\n").Append(Pod(0, withUnread));
        }

        text.Append("\n]}\n");
        return text.ToString().Replace("\n", newline, StringComparison.Ordinal);
    }

    private static string Pod(int i, bool withUnread)
    {
        var managed = withUnread ? $"\"managedFields\": {ManagedFields}" : null;
        string?[] metadata = (i % 3) switch
        {
            0 => [managed, $"\"name\": \"p{i}\"", "\"namespace\": \"default\""],
            1 => [$"\"name\": \"p{i}\"", managed, "\"namespace\": \"default\""],
            _ => [$"\"name\": \"p{i}\"", "\"namespace\": \"default\"", managed],
        };
        var volumes = withUnread ? "\"volumes\": [{\"name\": \"v\", \"emptyDir\": {}}], " : string.Empty;
        return PodStart + ",\n    \"metadata\": {" + string.Join(", ", metadata.Where(m => m is not null)) + "},\n"
            + "    \"spec\": {" + volumes + "\"nodeName\": \"n\", \"containers\": [{\"name\": \"c\", \"image\": \"i\", \"ports\": [{\"containerPort\": 80, \"hostPort\": 80}]}]},\n"
            + "    \"status\": {\"phase\": \"Running\"}}";
    }

    private static string Node(bool withUnread)
    {
        var images = withUnread ? "\"images\": [{\"names\": [\"registry/a:1\", \"]}\"], \"sizeBytes\": 1}],\n" : string.Empty;
        return "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"n\"},\n"
            + "    \"status\": {" + images + "\"allocatable\": {\"cpu\": \"4\", \"memory\": \"8Gi\", \"pods\": \"110\"}}}";
    }

    private static (int Line, int Column) PositionOf(string text, int offset)
    {
        var before = Encoding.UTF8.GetBytes(text[..offset]);
        var lineStart = Array.LastIndexOf(before, (byte)'\n') + 1;
        return (before.Count(b => b == (byte)'\n') + 1, before.Length - lineStart + 1);
    }

    /// <summary>Where System.Text.Json, reading every token of the text, finds its error, and the message without its position.</summary>
    private static (string Position, string Message) TokeniserError(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 128 });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException error)
        {
            var message = error.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return ($"{error.LineNumber + 1}:{error.BytePositionInLine + 1}", cut >= 0 ? message[..cut] : message);
        }

        throw new InvalidOperationException("the text is well-formed JSON");
    }
}
