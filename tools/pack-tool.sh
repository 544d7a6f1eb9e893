#!/usr/bin/env bash
# Packs the hostnet .NET tool as .NET 10 RID-specific packages into DIR (default artifacts/):
#   Hostnet.Tool.<version>.nupkg            the pointer package `dotnet tool install` reads first
#   Hostnet.Tool.linux-x64.<version>.nupkg  the NativeAOT binary (packed on linux-x64; the link needs gcc or clang)
#   Hostnet.Tool.any.<version>.nupkg        the framework-dependent build every other platform falls back to
#     tools/pack-tool.sh [DIR]
#     dotnet tool install --global Hostnet.Tool --add-source DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-artifacts}")
# The pointer package from the Release build: a pack that builds would rebuild it without the apphost
# (src/Hostnet.Cli/bin/Release/net10.0/hostnet), which bench/ runs.
dotnet build src/Hostnet.Cli -c Release -warnaserror -nologo -v quiet
dotnet pack src/Hostnet.Cli -c Release --no-build -nologo -v quiet -o "$out"
dotnet pack src/Hostnet.Cli -c Release -warnaserror -nologo -v quiet -o "$out" -r any -p:PublishAot=false
dotnet pack src/Hostnet.Cli -c Release -warnaserror -nologo -v quiet -o "$out" -r linux-x64
