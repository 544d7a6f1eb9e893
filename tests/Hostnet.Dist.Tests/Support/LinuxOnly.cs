// What these tests install (the linux-x64 NativeAOT binary, kubectl plugins, containers) exists on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
