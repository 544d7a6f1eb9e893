using System.Globalization;
using System.Net;
using System.Text;
using Hostnet.Core.Audit;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary>
/// <c>hostnet audit --format html</c>: one self-contained page (inline CSS, inline SVG, a few lines of plain JS; no
/// external asset) with the per-node host-port map, the findings table with filters, and the inventory. Every string
/// from the cluster is HTML-escaped; the script reads only the table's own attributes. The output is deterministic.
/// </summary>
public static class AuditHtmlWriter
{
    /// <summary>The colour of a clash on the map: one port held by two owners on the same nodes.</summary>
    public const string ClashColour = "#d62728";

    private const int Cell = 22;
    private const int HeaderHeight = 80;
    private const int MaxLabelWidth = 280;

    /// <summary>Owner colours, none close to <see cref="ClashColour"/>; owners beyond them reuse them in order.</summary>
    private static readonly string[] Palette =
    [
        "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
        "#aec7e8", "#98df8a", "#c5b0d5", "#c49c94", "#f7b6d2", "#9edae5", "#dbdb8d", "#393b79",
    ];

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f4f4f4}tr.error td.sev{color:#b00;font-weight:600}tr.warning td.sev{color:#a60}tr.info td.sev{color:#06c}
        .filters{display:flex;gap:12px;flex-wrap:wrap;margin:0 0 8px}.note{color:#555}
        .legend span{display:inline-block;margin:2px 10px 2px 0}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px}
        svg text{font:12px monospace;fill:#222}.map{overflow:auto;max-height:720px;border:1px solid #ddd}
        """;

    private const string Script = """
        (function () {
          var table = document.getElementById('findings-table');
          var rows = Array.prototype.slice.call(table.tBodies[0].rows);
          var severity = document.getElementById('f-severity'), rule = document.getElementById('f-rule');
          var observed = document.getElementById('f-observed'), text = document.getElementById('f-text');
          var shown = document.getElementById('f-shown');
          var order = {info: 1, warning: 2, error: 3};
          function apply() {
            var n = 0, q = text.value.toLowerCase();
            rows.forEach(function (row) {
              var ok = order[row.dataset.severity] >= order[severity.value || 'info']
                && (!rule.value || row.dataset.rule === rule.value)
                && (!observed.checked || row.dataset.observed === 'true')
                && (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
              row.hidden = !ok;
              if (ok) { n++; }
            });
            shown.textContent = n + ' of ' + rows.length + ' findings shown';
          }
          location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
            var kv = pair.split('='), value = decodeURIComponent(kv[1] || '');
            if (kv[0] === 'severity') { severity.value = value; }
            if (kv[0] === 'rule') { rule.value = value; }
            if (kv[0] === 'observed') { observed.checked = value === '1'; }
            if (kv[0] === 'q') { text.value = value; }
          });
          [severity, rule, observed, text].forEach(function (e) { e.addEventListener('input', apply); e.addEventListener('change', apply); });
          apply();
        })();
        """;

    public static void Write(AuditReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>hostnet audit: ").Append(E(report.Source)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>hostnet audit</h1>\n<p>").Append(E(AuditTextWriter.Heading(report))).Append("</p>\n<p><b>").Append(E(AuditTextWriter.Summary(report))).Append("</b></p>\n");
        if (report.Listeners.Count > 0)
        {
            var marked = ListenerPicture.Mark(report);
            WriteMap(marked.Picture, marked.Marks, html);
        }
        else
        {
            WriteMap(report.Picture, null, html);
        }
        WriteFindings(report, html);
        WriteInventory(report, html);
        html.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <param name="marks">What the node agents saw, per row and column (<c>--listeners</c>); null without their reports.</param>
    private static void WriteMap(PortPicture picture, IReadOnlyList<IReadOnlyList<ListenerMark>>? marks, StringBuilder html)
    {
        html.Append("<section id=\"map\">\n<h2>Host ports per node</h2>\n");
        html.Append("<p class=\"note\">Ports held by pods (declared host ports, and listeners of host-network pods inferred from their probes, flags and images; paler cells: inferred, which the scheduler does not see). Nodes with the same cells share a row. Each colour is one owner; ")
            .Append("<b style=\"color:").Append(ClashColour).Append("\">red</b> cells are clashes: one port held by two owners on the same node.");
        if (picture.HiddenColumns > 0 || picture.HiddenRows > 0)
        {
            html.Append(" Bounded: ").Append(N(picture.HiddenColumns)).Append(" more ports and ").Append(N(picture.HiddenRows))
                .Append(" more distinct rows are not drawn (clashes first, then the most used ports; see the JSON output for all).");
        }

        if (marks is not null)
        {
            html.Append(" The marks say what the node agents saw listening (<code>--listeners</code>); nodes without a report have none, and nodes the agents saw differently are on rows of their own.");
        }

        html.Append("</p>\n");
        if (picture.Columns.Count == 0)
        {
            html.Append("<p>No pod holds a host port.</p>\n</section>\n");
            return;
        }

        var labels = picture.Rows.Select(Label).ToArray();
        var labelWidth = Math.Min(MaxLabelWidth, 12 + (8 * labels.Max(l => l.Length)));
        var width = labelWidth + (Cell * picture.Columns.Count) + 60;
        var height = HeaderHeight + (Cell * picture.Rows.Count) + 8;
        html.Append("<div class=\"map\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"port-map\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\">\n");
        for (var c = 0; c < picture.Columns.Count; c++)
        {
            var x = labelWidth + (c * Cell) + 14;
            html.Append("<text transform=\"translate(").Append(N(x)).Append(',').Append(N(HeaderHeight - 4)).Append(") rotate(-60)\">")
                .Append(E(picture.Columns[c].ToString())).Append("</text>\n");
        }

        for (var r = 0; r < picture.Rows.Count; r++)
        {
            var row = picture.Rows[r];
            var y = HeaderHeight + (r * Cell);
            html.Append("<text x=\"4\" y=\"").Append(N(y + 15)).Append("\"><title>").Append(E(string.Join(", ", row.Nodes))).Append("</title>")
                .Append(E(labels[r])).Append("</text>\n");
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var x = labelWidth + (c * Cell);
                var mark = marks?[r][c] ?? ListenerMark.None;
                if (row.Cells[c] is not { } cell)
                {
                    html.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"20\" height=\"20\" fill=\"#f3f3f3\"");
                    if (mark == ListenerMark.None)
                    {
                        html.Append("/>\n");
                        continue;
                    }

                    html.Append(MarkAttribute(mark)).Append("><title>").Append(E($"{picture.Columns[c]} on {Nodes(row)}: {MarkWords(mark)}")).Append("</title></rect>\n");
                    WriteMark(mark, x, y, html);
                    continue;
                }

                var fill = cell.Clash ? ClashColour : Palette[cell.Owner % Palette.Length];
                html.Append("<rect class=\"").Append(cell.Clash ? "clash" : "held").Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
                    .Append("\" width=\"20\" height=\"20\" fill=\"").Append(fill).Append('"')
                    .Append(cell.Inferred && !cell.Clash ? " fill-opacity=\"0.5\"" : string.Empty)
                    .Append(cell.Clash ? " stroke=\"#000\" stroke-width=\"2\"" : string.Empty)
                    .Append(mark == ListenerMark.None ? string.Empty : MarkAttribute(mark))
                    .Append("><title>").Append(E($"{picture.Columns[c]} on {Nodes(row)}: {string.Join(" and ", cell.Holders)}{(cell.Clash ? " (clash)" : string.Empty)}{(cell.Inferred ? " (inferred)" : string.Empty)}{(mark == ListenerMark.None ? string.Empty : $"; {MarkWords(mark)}")}"))
                    .Append("</title></rect>\n");
                WriteMark(mark, x, y, html);
            }
        }

        html.Append("</svg></div>\n<p class=\"legend\">");
        for (var o = 0; o < picture.Owners.Count; o++)
        {
            var owner = picture.Owners[o];
            html.Append("<span><i style=\"background:").Append(Palette[o % Palette.Length]).Append("\"></i>").Append(E($"{owner.Namespace}/{owner}")).Append("</span>");
        }

        html.Append("<span><i style=\"background:").Append(ClashColour).Append("\"></i>clash</span></p>\n");
        if (marks is not null)
        {
            html.Append("<p class=\"legend\" id=\"listening-legend\">What the node agents saw:");
            foreach (var mark in Enum.GetValues<ListenerMark>().Where(m => m != ListenerMark.None))
            {
                html.Append(" <span><b>").Append(Glyph(mark)).Append("</b> ").Append(MarkWords(mark)).Append("</span>");
            }

            html.Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static string Nodes(PictureRow row) =>
        $"{string.Join(", ", row.Nodes.Take(5))}{(row.Nodes.Count > 5 ? $" and {row.Nodes.Count - 5} more" : string.Empty)}";

    private static string MarkAttribute(ListenerMark mark) => $" data-listening=\"{MarkName(mark)}\"";

    /// <summary>The mark's glyph over the cell: the mark is read from its shape, not from a colour.</summary>
    private static void WriteMark(ListenerMark mark, int x, int y, StringBuilder html)
    {
        if (mark == ListenerMark.None)
        {
            return;
        }

        html.Append("<text class=\"mark\" x=\"").Append(N(x + 10)).Append("\" y=\"").Append(N(y + 15))
            .Append("\" text-anchor=\"middle\" font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" pointer-events=\"none\" aria-hidden=\"true\">")
            .Append(Glyph(mark)).Append("</text>\n");
    }

    private static string Glyph(ListenerMark mark) => mark switch
    {
        ListenerMark.DeclaredListening => "✓",
        ListenerMark.DeclaredNotListening => "✗",
        ListenerMark.ListeningUndeclared => "!",
        _ => "D",
    };

    private static string MarkName(ListenerMark mark) => mark switch
    {
        ListenerMark.DeclaredListening => "declared-listening",
        ListenerMark.DeclaredNotListening => "declared-not-listening",
        ListenerMark.ListeningUndeclared => "listening-undeclared",
        _ => "daemon",
    };

    private static string MarkWords(ListenerMark mark) => mark switch
    {
        ListenerMark.DeclaredListening => "declared and listening",
        ListenerMark.DeclaredNotListening => "declared, nothing listens",
        ListenerMark.ListeningUndeclared => "a pod listens without declaring it",
        _ => "held by a node daemon",
    };

    private static string Label(PictureRow row)
    {
        var label = row.Nodes.Count == 1 ? row.Nodes[0] : $"{row.Nodes[0]} +{N(row.Nodes.Count - 1)} nodes";
        var max = (MaxLabelWidth - 12) / 8;
        return label.Length <= max ? label : label[..(max - 1)] + "…";
    }

    private static void WriteFindings(AuditReport report, StringBuilder html)
    {
        html.Append("<section id=\"findings\">\n<h2>Findings</h2>\n<div class=\"filters\">\n");
        html.Append("<label>severity at least <select id=\"f-severity\"><option value=\"info\">info</option><option value=\"warning\">warning</option><option value=\"error\">error</option></select></label>\n");
        html.Append("<label>rule <select id=\"f-rule\"><option value=\"\">all</option>");
        foreach (var rule in report.Findings.Select(f => f.Diagnostic.Rule).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            html.Append("<option value=\"").Append(E(rule.Id)).Append("\">").Append(E($"{rule.Id} {rule.Slug}")).Append("</option>");
        }

        html.Append("</select></label>\n<label><input type=\"checkbox\" id=\"f-observed\"> only observed in the cluster's state</label>\n");
        html.Append("<label>text <input type=\"search\" id=\"f-text\"></label>\n<span id=\"f-shown\" class=\"note\"></span>\n</div>\n");
        html.Append("<table id=\"findings-table\">\n<thead><tr><th>severity</th><th>rule</th><th>object</th><th>what</th><th>fix</th><th>seen</th></tr></thead>\n<tbody>\n");
        foreach (var finding in report.Findings)
        {
            var d = finding.Diagnostic;
            var severity = Word(d.Severity);
            html.Append("<tr class=\"").Append(severity).Append("\" data-severity=\"").Append(severity).Append("\" data-rule=\"").Append(E(d.Rule.Id))
                .Append("\" data-observed=\"").Append(finding.Observed ? "true" : "false").Append("\">")
                .Append("<td class=\"sev\">").Append(severity).Append(d.IsSuppressed ? " (suppressed)" : string.Empty).Append("</td>")
                .Append("<td>").Append(E($"{d.Rule.Id} {d.Rule.Slug}")).Append("</td>")
                .Append("<td>").Append(E(d.Object?.ToString() ?? "-")).Append("</td>")
                .Append("<td>").Append(E(d.Message)).Append("</td>")
                .Append("<td>").Append(E(d.Fix ?? string.Empty)).Append("</td>")
                .Append("<td>").Append(finding.Observed ? "state" : "spec").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteInventory(AuditReport report, StringBuilder html)
    {
        html.Append("<section id=\"inventory\">\n<h2>Inventory: host network and host ports</h2>\n<table id=\"inventory-table\">\n<thead><tr>");
        // With the agents' reports (--listeners), what really listens goes beside the declared ports.
        var listening = report.Listeners.Count > 0;
        string[] headers = ["namespace", "owner", "pods", "nodes", "host network", "ports", "DNS", "privileges", "Pod Security", "Services", "NetworkPolicies"];
        foreach (var header in listening ? [.. headers[..6], "listening", .. headers[6..]] : headers)
        {
            html.Append("<th>").Append(header).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var entry in report.Inventory)
        {
            html.Append("<tr>");
            string[] values = [
                entry.Owner.Namespace, entry.Owner.ToString(), entry.Pods.ToString(), N(entry.Nodes), entry.HostNetwork ? "yes" : "no",
                string.Join(", ", entry.Ports), entry.DnsPolicy, string.Join(", ", entry.Privileges), entry.PodSecurity.ToString(),
                string.Join(", ", entry.Services), string.Join(", ", entry.NetworkPolicies)];
            foreach (var value in listening ? [.. values[..6], string.Join(", ", entry.Listening ?? []), .. values[6..]] : values)
            {
                html.Append("<td>").Append(E(value)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
