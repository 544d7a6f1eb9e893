namespace Hostnet.Core.Semantics.Listeners;

/// <summary>Where the evidence of a listening port comes from, strongest first.</summary>
public enum ListenerSource
{
    /// <summary>A listen flag in <c>command</c> or <c>args</c> (<c>--port=8080</c>, <c>--web.listen-address=:9100</c>).</summary>
    Argument,

    /// <summary>A listen port or address in <c>env</c> (<c>PORT=8080</c>, <c>LISTEN_ADDR=:8080</c>).</summary>
    Environment,

    /// <summary>A probe or lifecycle hook that reaches the container on the port (<c>httpGet</c>, <c>tcpSocket</c>, <c>grpc</c>).</summary>
    Handler,

    /// <summary>The port the image listens on when nothing in the spec says otherwise (well-known-image-ports.yaml).</summary>
    Image,
}
