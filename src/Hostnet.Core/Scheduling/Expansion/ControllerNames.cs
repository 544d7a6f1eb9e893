using System.Globalization;
using System.Text;
using Hostnet.Core.Documents;
using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Expansion;

/// <summary>
/// Pod names as the controllers give them: <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;-&lt;5 chars&gt;</c>,
/// <c>&lt;replicaset|daemonset|job&gt;-&lt;5 chars&gt;</c>, <c>&lt;statefulset&gt;-&lt;ordinal&gt;</c>, in upstream's
/// alphabet (k8s.io/apimachinery/pkg/util/rand, SafeEncodeString and String: consonants and digits that spell no
/// words). Upstream's suffixes are random and its template hash covers the stored object; hostnet derives both from
/// FNV hashes of the template as written and the pod's index, so the names are stable from run to run but differ
/// from the ones the cluster will pick.
/// </summary>
internal static class ControllerNames
{
    private const string Alphanumerics = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>names.SimpleNameGenerator: the base is cut to 58 characters before the 5-character suffix.</summary>
    private const int MaxGeneratedBaseLength = 58;

    /// <summary>SafeEncodeString: each character mapped into the alphabet.</summary>
    public static string SafeEncode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Alphanumerics[source[i] % Alphanumerics.Length];
            }
        });
    }

    /// <summary>The <c>pod-template-hash</c> label: the FNV-1a hash of the template, printed in decimal and safe-encoded.</summary>
    public static string PodTemplateHash(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var text = new StringBuilder();
        Canonical(TemplateNode(workload), text);
        var hash = 2166136261u;
        foreach (var c in text.ToString())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>generateName</c> plus five characters: <c>&lt;base&gt;-xxxxx</c>, the suffix derived from <paramref name="seed"/>.</summary>
    public static string Generated(string baseName, string seed)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        ArgumentNullException.ThrowIfNull(seed);
        var prefix = baseName + "-";
        if (prefix.Length > MaxGeneratedBaseLength)
        {
            prefix = prefix[..MaxGeneratedBaseLength];
        }

        var hash = 14695981039346656037ul;
        foreach (var c in prefix + seed)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphanumerics[(int)(hash % (ulong)Alphanumerics.Length)];
            hash /= (ulong)Alphanumerics.Length;
        }

        return prefix + new string(suffix);
    }

    private static SourceNode? TemplateNode(Workload workload)
    {
        var spec = workload.Source.Root["spec"] as SourceMapping;
        if (workload.Kind == "CronJob")
        {
            spec = (spec?["jobTemplate"] as SourceMapping)?["spec"] as SourceMapping;
        }

        return workload.IsPod ? spec : spec?["template"];
    }

    private static void Canonical(SourceNode? node, StringBuilder text)
    {
        switch (node)
        {
            case SourceMapping mapping:
                text.Append('{');
                foreach (var (key, value) in mapping.Entries.ToArray().OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    Canonical(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case SourceSequence sequence:
                text.Append('[');
                foreach (var item in sequence.Items)
                {
                    Canonical(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case SourceScalar scalar:
                text.Append(scalar.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal));
                break;
        }
    }
}
