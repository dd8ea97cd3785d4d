using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestLint.Model.Runtimes.Catalog;

/// <summary>The version of an application (not its runtime) from an image tag: <c>v3.14.0</c>, <c>3.0</c>, <c>2.53.1-distroless</c>.</summary>
public static partial class AppVersion
{
    public static RuntimeVersion? Parse(string? tag)
    {
        var m = tag is null ? Match.Empty : Version().Match(tag);
        return m.Success
            ? new RuntimeVersion(int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture), Number(m.Groups["minor"]), Number(m.Groups["patch"]))
            : null;
    }

    /// <summary>True when <paramref name="version"/> is at or after <paramref name="since"/> (missing parts count as 0).</summary>
    public static bool AtLeast(RuntimeVersion version, RuntimeVersion since) =>
        (version.Major, version.Minor ?? 0, version.Patch ?? 0).CompareTo((since.Major, since.Minor ?? 0, since.Patch ?? 0)) >= 0;

    private static int? Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^v?(?<major>\d{1,6})(?:\.(?<minor>\d{1,6}))?(?:\.(?<patch>\d{1,6}))?(?![0-9])(?:$|[-_+.a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
