#!/usr/bin/env bash
# Mutation testing of src/Policies with Stryker.NET: how many deliberate bugs the Policies tests catch.
# Stryker drives tests through VSTest, which an xunit v3 project only speaks with the VSTest adapter; the
# adapter is added to a throw-away copy of the repository, never to your checkout.
# Usage: scripts/mutation/policies.sh [extra Stryker options, e.g. --mutate "**/Selection/*.cs"]
# Needs: dotnet tool install -g dotnet-stryker. Takes about 30-60 minutes on 2 cores.
set -euo pipefail
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
sed -i 's#<PackageReference Include="xunit.v3" />#&\n    <PackageReference Include="xunit.runner.visualstudio" />\n    <PackageReference Include="Microsoft.NET.Test.Sdk" />#' "$work/tests/Policies.Tests/Mosel.Policies.Tests.csproj"
out="$root/results/mutation/policies"
mkdir -p "$out"
(cd "$work/tests/Policies.Tests" && "$stryker" --project Mosel.Policies.csproj --concurrency "$(nproc)" \
  --reporter html --reporter json --reporter cleartext --output "$work/stryker" "$@")
rm -rf "$out/reports"
cp -r "$work/stryker/reports" "$out/"
echo "reports in $out/reports"
