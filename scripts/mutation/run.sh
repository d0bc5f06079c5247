#!/usr/bin/env bash
# Mutation testing with Stryker.NET: how many deliberate bugs a project's tests catch.
# Stryker drives tests through VSTest, which an xunit v3 project only speaks with the VSTest adapter; the
# adapter is added to a throw-away copy of the repository, never to your checkout.
# Usage: scripts/mutation/run.sh Policies|Sim [extra Stryker options, e.g. --mutate "**/Engine/Simulation.cs"]
# Needs: dotnet tool install -g dotnet-stryker. src/Policies takes about 30-60 minutes on 2 cores; src/Sim's
# tests include million-job queueing checks, so mutate it a file at a time.
set -euo pipefail
project="${1:-}"
case "$project" in
  Policies|Sim) shift ;;
  *) echo "usage: scripts/mutation/run.sh Policies|Sim [Stryker options]" >&2; exit 2 ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stryker="$(command -v dotnet-stryker || echo "$HOME/.dotnet/tools/dotnet-stryker")"
if [ ! -x "$stryker" ]; then
  echo "dotnet-stryker not found: dotnet tool install -g dotnet-stryker" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM HUP
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work")
sed -i 's#<PackageVersion Include="xunit.v3" Version="\([^"]*\)" />#&\n    <PackageVersion Include="xunit.runner.visualstudio" Version="3.1.5" />\n    <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />#' "$work/Directory.Packages.props"
sed -i 's#<PackageReference Include="xunit.v3" />#&\n    <PackageReference Include="xunit.runner.visualstudio" />\n    <PackageReference Include="Microsoft.NET.Test.Sdk" />#' "$work/tests/$project.Tests/Mosel.$project.Tests.csproj"
out="$root/results/mutation/${project,,}"
mkdir -p "$out"
(cd "$work/tests/$project.Tests" && "$stryker" --project "Mosel.$project.csproj" --concurrency "$(nproc)" \
  --reporter html --reporter json --reporter cleartext --output "$work/stryker" "$@")
rm -rf "$out/reports"
cp -r "$work/stryker/reports" "$out/"
echo "reports in $out/reports"
