#!/usr/bin/env bash
# Mutation testing with Stryker.NET: how many deliberate bugs a project's tests catch.
# Stryker drives tests through VSTest and measures which tests cover which mutant with a VSTest data collector.
# An xunit v3 project runs its tests in a process of its own, where that collector never attaches: Stryker then
# runs every test for every mutant (hours here). So the throw-away copy this script makes turns the one test
# project into an xunit v2 VSTest project (the tests use nothing v3-only); your checkout is never touched.
# Usage: scripts/mutation/run.sh Policies|Sim [extra Stryker options, e.g. --mutate "**/Engine/Simulation.cs"]
# Needs: dotnet tool install -g dotnet-stryker. On 2 cores src/Policies takes about 17 minutes, src/Sim about 30.
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
# xunit v2 with its VSTest adapter and test SDK, in place of xunit v3 on Microsoft.Testing.Platform.
sed -i 's#<PackageVersion Include="xunit.v3" Version="\([^"]*\)" />#&\n    <PackageVersion Include="xunit" Version="2.9.3" />\n    <PackageVersion Include="xunit.runner.visualstudio" Version="3.1.5" />\n    <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />#' "$work/Directory.Packages.props"
sed -i 's#<PackageReference Include="xunit.v3" />#<PackageReference Include="xunit" />\n    <PackageReference Include="xunit.runner.visualstudio" />\n    <PackageReference Include="Microsoft.NET.Test.Sdk" />#; /<OutputType>Exe<\/OutputType>/d' \
  "$work/tests/$project.Tests/Mosel.$project.Tests.csproj"
# coverlet.MTP (coverage in .ci/run) is an extension of Microsoft.Testing.Platform, which the copy no longer runs on.
sed -i '/coverlet.MTP/d' "$work/tests/Directory.Build.props"
python3 - "$work/global.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config.pop("test", None)  # dotnet test back on VSTest
json.dump(config, open(path, "w"), indent=2)
PY
# Million-job queueing checks run for seconds: give each mutant 20 s more than its covering tests took unmutated.
echo '{"stryker-config":{"additional-timeout":20000}}' > "$work/tests/$project.Tests/stryker-config.json"
# A new folder per run, so no earlier report is ever replaced.
out="$root/results/mutation/${project,,}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$(dirname "$out")"
mkdir "$out"
(cd "$work/tests/$project.Tests" && "$stryker" --project "Mosel.$project.csproj" --configuration Release --concurrency "$(nproc)" \
  --reporter html --reporter json --reporter cleartext --output "$work/stryker" "$@")
cp -r "$work/stryker/reports" "$out/"
echo "reports in $out/reports"
