using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>One word of a container's command line, with where it was written.</summary>
/// <param name="Text">The word after Kubernetes <c>$(VAR)</c> and, inside a shell script, shell expansion.</param>
/// <param name="WrittenAt">The <c>command</c>/<c>args</c> item it came from, or the env value a shell variable expanded from.</param>
/// <param name="Variable">The shell variable the word was expanded from, e.g. <c>JAVA_OPTS</c>; null when written literally.</param>
/// <param name="IsKnown">False when part of it cannot be known from the manifest (a Secret, a command substitution).</param>
public sealed record CommandWord(string Text, YamlNode WrittenAt, string? Variable = null, bool IsKnown = true);
