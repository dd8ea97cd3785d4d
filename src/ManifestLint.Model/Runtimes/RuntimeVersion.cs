using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// A runtime version read from an image tag. Java 8 keeps its update number (<c>8u181</c>: Major 8, Update 181);
/// later Java versions use Major.Minor.Patch (<c>11.0.15</c>), Go <c>1.18</c> is Major 1, Minor 18.
/// Parts the tag does not state are null: <c>eclipse-temurin:21</c> floats to the newest 21.x.
/// </summary>
public sealed partial record RuntimeVersion(int Major, int? Minor = null, int? Patch = null, int? Update = null)
{
    /// <summary>The version a runtime image's tag names, or null when the tag names none (<c>latest</c>, <c>lts</c>, a digest).</summary>
    public static RuntimeVersion? FromTag(Runtime runtime, string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        if (runtime == Runtime.Jvm)
        {
            // Temurin "8u372-b07-jre", Semeru "open-8u372-b07-jre", Corretto "8.372.07.1", legacy "1.8.0_181".
            tag = JavaPrefix().Replace(tag, string.Empty);
            if (JavaEightUpdate().Match(tag) is { Success: true } eight)
            {
                return new RuntimeVersion(8, Update: Number(eight.Groups["update"]));
            }
        }

        var m = (runtime == Runtime.Node ? NodeVersion() : DottedVersion()).Match(tag);
        return m.Success ? new RuntimeVersion(int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture), Number(m.Groups["minor"]), Number(m.Groups["patch"])) : null;
    }

    /// <summary>"8u181", "11.0.15", "1.18", "21".</summary>
    public override string ToString() =>
        Update is { } update ? $"{Major}u{update}" : string.Join('.', new[] { Major, Minor, Patch }.TakeWhile(p => p is not null));

    private static int? Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?:jdk-?|jre-?|open-|openjdk-?)", RegexOptions.CultureInvariant)]
    private static partial Regex JavaPrefix();

    [GeneratedRegex(@"^(?:8u(?<update>\d+)(?![0-9])|1\.8\.0_(?<update>\d+)(?![0-9])|8\.(?<update>\d{2,3})\.)", RegexOptions.CultureInvariant)]
    private static partial Regex JavaEightUpdate();

    [GeneratedRegex(@"^(?<major>\d+)(?:\.(?<minor>\d+))?(?:\.(?<patch>\d+))?(?![0-9])(?:$|[-_+.a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DottedVersion();

    [GeneratedRegex(@"^v?(?<major>\d+)(?:\.(?<minor>\d+))?(?:\.(?<patch>\d+))?(?![0-9])(?:$|[-_+.a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex NodeVersion();
}
