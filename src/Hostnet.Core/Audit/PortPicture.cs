namespace Hostnet.Core.Audit;

/// <summary>
/// The host ports the pods hold, per node, for the HTML report's map: columns are the ports in use by pods (declared,
/// or inferred listeners of host-network pods), rows are nodes, nodes with identical cells grouped into one row.
/// Bounded: at most <see cref="PortPictureBuilder.MaxColumns"/> ports (those with clashes first, then the most used)
/// and <see cref="PortPictureBuilder.MaxRows"/> rows; what is left out is counted.
/// </summary>
/// <param name="Owners">The owners drawn, in order of first appearance: a cell's colour is its owner's index.</param>
public sealed record PortPicture(
    IReadOnlyList<PictureColumn> Columns,
    IReadOnlyList<PictureRow> Rows,
    IReadOnlyList<OwnerKey> Owners,
    int HiddenColumns,
    int HiddenRows);

/// <summary>One port of the map.</summary>
public sealed record PictureColumn(int Port, string Protocol)
{
    public override string ToString() => $"{Port}/{Protocol}";
}

/// <summary>Nodes whose cells are the same; <see cref="Cells"/> has one entry per column, null where the port is free.</summary>
public sealed record PictureRow(IReadOnlyList<string> Nodes, IReadOnlyList<PictureCell?> Cells);

/// <summary>Who holds a port on a row's nodes.</summary>
/// <param name="Owner">Index into <see cref="PortPicture.Owners"/> of the first holder.</param>
/// <param name="Holders">Every owner holding it there (more than one is a clash).</param>
/// <param name="Inferred">Whether a holder listens without declaring it (the scheduler does not see it).</param>
public sealed record PictureCell(int Owner, IReadOnlyList<string> Holders, bool Inferred)
{
    public bool Clash => Holders.Count > 1;
}
