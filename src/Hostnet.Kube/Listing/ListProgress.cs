namespace Hostnet.Kube.Listing;

/// <summary>Where a list stands after a page: items so far and, when the server estimates it, how many remain.</summary>
public sealed record ListProgress(ApiResource Resource, int Items, long? Remaining);
