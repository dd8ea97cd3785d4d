#!/usr/bin/env bash
# Step 1 of the GitHub Action (action.yml): installs the manifestlint .NET tool into $RUNNER_TEMP and puts it on PATH.
#   INPUT_SOURCE=action  (default) pack this checkout of the action (the version `uses: …@ref` pinned) and install it
#   INPUT_SOURCE=nuget   install the package manifestlint from the NuGet sources, version INPUT_VERSION (or latest)
set -euo pipefail
base="${RUNNER_TEMP:?RUNNER_TEMP is not set}/manifestlint"
tools="$base/tool"
rm -rf "$tools"
case "${INPUT_SOURCE:-action}" in
  action)
    action="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
    rm -rf "$base/package"
    dotnet pack "$action/src/ManifestLint.Cli/ManifestLint.Cli.csproj" --configuration Release --output "$base/package" -nologo
    # The exact version packed: a checkout between releases builds a prerelease (MinVer), which an install without
    # --version would not pick.
    package="$(basename "$(ls "$base/package"/manifestlint.*.nupkg)" .nupkg)"
    dotnet tool install --tool-path "$tools" --add-source "$base/package" manifestlint --version "${package#manifestlint.}"
    ;;
  nuget)
    dotnet tool install --tool-path "$tools" manifestlint ${INPUT_VERSION:+--version "$INPUT_VERSION"}
    ;;
  *)
    echo "::error title=manifestlint::input 'source' must be 'action' or 'nuget', not '${INPUT_SOURCE}'."
    exit 2
    ;;
esac
echo "$tools" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
"$tools/manifestlint" --version
