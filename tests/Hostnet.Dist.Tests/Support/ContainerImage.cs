using Hostnet.Core.Tests.Support;

namespace Hostnet.Dist.Tests.Support;

/// <summary>
/// The hostnet image, built once for the container tests by deploy/image/build.sh from the installed tool's native
/// binary, in a container store of its own (removed afterwards) so that nothing of this machine's images is touched.
/// </summary>
public sealed class ContainerImage : IDisposable
{
    public const string Name = "localhost/hostnet-test:dist";

    private readonly string _store = Directory.CreateTempSubdirectory("hostnet-image-").FullName;

    public ContainerImage()
    {
        try
        {
            Buildah = ExternalProgram.Require("buildah", "buildah");
            PodmanPath = ExternalProgram.Require("podman", "podman");
            ExternalProgram.Require("runc", "runc");
            ExternalProgram.RunOk(
                Path.Combine(RepositoryPaths.Root, "deploy", "image", "build.sh"),
                [InstalledTool.Instance.Executable, Name],
                environment: new Dictionary<string, string> { ["BUILDAH"] = string.Join(' ', [Buildah, .. StoreOptions]) },
                timeout: TimeSpan.FromMinutes(5));
        }
        catch
        {
            // xUnit disposes no fixture whose constructor failed: remove the store here.
            Directory.Delete(_store, recursive: true);
            throw;
        }
    }

    public string Buildah { get; }

    public string PodmanPath { get; }

    /// <summary>
    /// The store both tools share: vfs (plain folders, no overlay mounts left behind), under a temporary folder.
    /// </summary>
    public IReadOnlyList<string> StoreOptions =>
        ["--root", Path.Combine(_store, "storage"), "--runroot", Path.Combine(_store, "run"), "--storage-driver", "vfs"];

    /// <summary>
    /// Runs podman with the test store and the runtime that works in this sandbox (found by trying, docs/install.md):
    /// runc, since crun refuses the host's hybrid cgroup layout ("cgroups in hybrid mode not supported").
    /// </summary>
    public ProcessResult Podman(params string[] arguments) =>
        ExternalProgram.Run(PodmanPath, ["--runtime", "runc", "--events-backend", "file", .. StoreOptions, .. arguments], timeout: TimeSpan.FromMinutes(3));

    /// <summary>
    /// <c>podman run</c> with open-file and process limits within the sandbox's own: without CAP_SYS_RESOURCE no
    /// runtime may raise them to podman's defaults ("setrlimit RLIMIT_NOFILE: Operation not permitted").
    /// </summary>
    public static IReadOnlyList<string> Run => ["run", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"];

    public void Dispose()
    {
        Podman("rm", "--all", "--force");
        Podman("system", "reset", "--force");
        Directory.Delete(_store, recursive: true);
    }
}
