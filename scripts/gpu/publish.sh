#!/usr/bin/env bash
# Publishes mosel self-contained for linux-x64 WITHOUT the CPU libtorch (the GPU machine uses PyTorch's
# CUDA libtorch) and packs it for the device tool's `carry`: .gpu/mosel.tar.xz (≈ 30-40 MB).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/.gpu"
rm -rf "$out/publish" && mkdir -p "$out"
dotnet publish "$root/experiments/Mosel.Experiments.csproj" -c Release -r linux-x64 --self-contained \
  -p:MoselCpuLibTorch=false -o "$out/publish" -nologo -v q
# Data the commands read at run time travels inside the archive.
mkdir -p "$out/publish/repo"
cp -r "$root/profiles" "$root/traces" "$root/experiments/configs" "$out/publish/repo/"
touch "$out/publish/repo/Mosel.sln"
tar -C "$out" -cJf "$out/mosel.tar.xz" publish
du -h "$out/mosel.tar.xz"
