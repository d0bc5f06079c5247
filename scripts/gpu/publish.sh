#!/usr/bin/env bash
# Publishes mosel self-contained for linux-x64 and packs it for the device tool's `carry`: .gpu/mosel.tar.xz.
# By default WITHOUT the CPU libtorch (≈ 53 MB; the GPU machine uses PyTorch's CUDA libtorch).
# MOSEL_CPU_LIBTORCH=true keeps the NuGet CPU libtorch in, for a dry run of run.sh on a machine without a GPU.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/.gpu"
rm -rf "$out/publish" && mkdir -p "$out"
dotnet publish "$root/experiments/Mosel.Experiments.csproj" -c Release -r linux-x64 --self-contained \
  -p:MoselCpuLibTorch="${MOSEL_CPU_LIBTORCH:-false}" -o "$out/publish" -nologo -v q
# Data the commands read at run time travels inside the archive, in the repository's layout (configs
# name their profile and trace by paths relative to experiments/configs).
mkdir -p "$out/publish/repo/experiments"
cp -r "$root/profiles" "$root/traces" "$out/publish/repo/"
cp -r "$root/experiments/configs" "$out/publish/repo/experiments/"
touch "$out/publish/repo/Mosel.sln"
tar -C "$out" -cJf "$out/mosel.tar.xz" publish
du -h "$out/mosel.tar.xz"
