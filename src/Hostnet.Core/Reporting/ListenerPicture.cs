using Hostnet.Core.Audit;
using Hostnet.Core.Loading;
using Hostnet.Core.Ports;

namespace Hostnet.Core.Reporting;

/// <summary>What a node agent saw on one port of the HTML map (<c>audit --listeners</c>).</summary>
internal enum ListenerMark
{
    /// <summary>No report for the node, or neither declared nor listened on there.</summary>
    None,

    /// <summary>A pod declares the port on the node and a pod's process listens on it.</summary>
    DeclaredListening,

    /// <summary>A pod declares the port on the node and nothing listens on it.</summary>
    DeclaredNotListening,

    /// <summary>A pod's process listens on it without any container of the pod declaring it (HN060).</summary>
    ListeningUndeclared,

    /// <summary>A process in no pod (a node daemon) holds it (HN062 when a pod declares it).</summary>
    DaemonHolds,
}

/// <summary>The map's picture with the agents' marks: one mark per row and column.</summary>
internal sealed record MarkedPicture(PortPicture Picture, IReadOnlyList<IReadOnlyList<ListenerMark>> Marks);

/// <summary>
/// Lays the agents' reports over the audit's <see cref="PortPicture"/>: adds a column for each port a pod listens on
/// without declaring it, and splits each row whose nodes the agents saw differently, so that a row's marks hold for all
/// its nodes. Bounded as the picture is (<see cref="PortPictureBuilder.MaxColumns"/>, <see cref="PortPictureBuilder.MaxRows"/>).
/// </summary>
internal static class ListenerPicture
{
    public static MarkedPicture Mark(AuditReport report)
    {
        var picture = report.Picture;
        var sockets = report.Listeners.ToDictionary(r => r.Node, r => r.Listeners.ToLookup(l => new PictureColumn(l.Port, l.Protocol)), StringComparer.Ordinal);
        var declared = report.Ports.Nodes.ToDictionary(
            n => n.Node, n => n.Ports.Where(u => u.Source == PortSource.Declared).ToArray(), StringComparer.Ordinal);

        var drawn = picture.Columns.ToHashSet();
        var undeclared = report.Listeners.SelectMany(r => r.Listeners)
            .Where(l => l is { Pod: not null, Declared: false })
            .Select(l => new PictureColumn(l.Port, l.Protocol))
            .Where(c => !drawn.Contains(c))
            .Distinct()
            .OrderBy(c => c.Port).ThenBy(c => c.Protocol, StringComparer.Ordinal)
            .ToArray();
        var added = undeclared.Take(Math.Max(0, PortPictureBuilder.MaxColumns - picture.Columns.Count)).ToArray();
        var columns = picture.Columns.Concat(added).OrderBy(c => c.Port).ThenBy(c => c.Protocol, StringComparer.Ordinal).ToArray();
        var position = picture.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var from = columns.Select(c => position.GetValueOrDefault(c, -1)).ToArray();

        var rows = new List<PictureRow>();
        var marks = new List<IReadOnlyList<ListenerMark>>();
        var hiddenRows = picture.HiddenRows;
        foreach (var row in picture.Rows)
        {
            var cells = from.Select(i => i < 0 ? null : row.Cells[i]).ToArray();
            foreach (var group in row.Nodes
                .Select(node => (Node: node, Marks: columns.Select(c => For(c, sockets.GetValueOrDefault(node), declared.GetValueOrDefault(node))).ToArray()))
                .GroupBy(n => string.Join(',', n.Marks), StringComparer.Ordinal))
            {
                if (rows.Count >= PortPictureBuilder.MaxRows)
                {
                    hiddenRows++;
                    continue;
                }

                rows.Add(new PictureRow([.. group.Select(n => n.Node)], cells));
                marks.Add(group.First().Marks);
            }
        }

        var marked = picture with
        {
            Columns = columns,
            Rows = rows,
            HiddenColumns = picture.HiddenColumns + undeclared.Length - added.Length,
            HiddenRows = hiddenRows,
        };
        return new MarkedPicture(marked, marks);
    }

    /// <summary>The mark of one port on one node; a node daemon's socket outranks the pods' (it is the conflict).</summary>
    private static ListenerMark For(PictureColumn column, ILookup<PictureColumn, AgentReportListener>? sockets, PortUse[]? declared)
    {
        if (sockets is null)
        {
            return ListenerMark.None;
        }

        var here = sockets[column].ToArray();
        return here.Any(l => l.Pod is null) ? ListenerMark.DaemonHolds
            : here.Any(l => !l.Declared) ? ListenerMark.ListeningUndeclared
            : here.Length > 0 ? ListenerMark.DeclaredListening
            : declared?.Any(u => u.Covers(column.Port, column.Protocol)) == true ? ListenerMark.DeclaredNotListening
            : ListenerMark.None;
    }
}
