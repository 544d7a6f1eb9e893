using System.Text;

namespace Hostnet.Kube.Tests.Support;

/// <summary>A temporary folder for kubeconfigs, certificates, plugins and service-account files; deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hostnet-kube-tests-").FullName;

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes an executable bash script (the plugins tests run are Unix scripts).</summary>
    public string WriteScript(string relative, string body)
    {
        var path = Write(relative, "#!/usr/bin/env bash\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
