namespace ManifestLint.Kustomize.Kustomizations;

/// <summary>
/// The kustomizations of a run, read once each, by directory: those in the input, and every local kustomization
/// they include (a base outside the linted directory is read for mapping and for the safety checks, not linted).
/// </summary>
internal sealed class KustomizationTree(Func<string, string> display)
{
    private readonly Dictionary<string, KustomizationFile?> byDirectory = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public Func<string, string> Display { get; } = display;

    /// <summary>The kustomization of a directory (absolute), or null when it has none or it cannot be read.</summary>
    public KustomizationFile? Get(string directory)
    {
        lock (gate)
        {
            if (!byDirectory.TryGetValue(directory, out var file))
            {
                byDirectory[directory] = file = Load(directory);
            }

            return file;
        }
    }

    /// <summary>The local kustomization directories an entry list includes (resources, bases, components), each with the entry.</summary>
    public static IEnumerable<(string Directory, KustomizationEntry Entry)> Includes(KustomizationFile file)
    {
        foreach (var entry in file.Resources.Concat(file.Components))
        {
            if (RemoteReference.IsRemote(entry.Value, file.Directory))
            {
                continue;
            }

            var target = file.Resolve(entry.Value);
            if (Directory.Exists(target) && KustomizationFile.Find(target) is not null)
            {
                yield return (target, entry);
            }
        }
    }

    /// <summary>Every kustomization <paramref name="root"/> builds from, itself first, each once (cycles stop).</summary>
    public IReadOnlyList<KustomizationFile> Closure(string root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<KustomizationFile>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (!seen.Add(directory) || Get(directory) is not { } file)
            {
                continue;
            }

            order.Add(file);
            foreach (var (included, _) in Includes(file).Reverse())
            {
                pending.Push(included);
            }
        }

        return order;
    }

    private KustomizationFile? Load(string directory)
    {
        if (KustomizationFile.Find(directory) is not { } path)
        {
            return null;
        }

        try
        {
            return KustomizationFile.Read(path, Display(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Whether a resource or component entry names a remote location (kustomize would fetch it with git or HTTP).</summary>
internal static class RemoteReference
{
    private static readonly string[] Hosts = ["github.com/", "gitlab.com/", "bitbucket.org/", "dev.azure.com/", "ssh.dev.azure.com/"];

    /// <summary>
    /// kustomize takes an entry as remote when nothing local has its name; of those, the ones that look like a URL
    /// (a scheme, <c>git@</c>, a known Git host, a <c>?ref=</c>) are reported as remote. A missing local path that
    /// does not look remote is left to kustomize, which reports it.
    /// </summary>
    public static bool IsRemote(string entry, string directory)
    {
        if (entry.Contains("://", StringComparison.Ordinal) || entry.StartsWith("git@", StringComparison.Ordinal) || entry.StartsWith("git::", StringComparison.Ordinal))
        {
            return true;
        }

        var local = Path.GetFullPath(entry, directory);
        if (File.Exists(local) || Directory.Exists(local))
        {
            return false;
        }

        return Hosts.Any(h => entry.StartsWith(h, StringComparison.OrdinalIgnoreCase)) || entry.Contains("?ref=", StringComparison.Ordinal) || entry.Contains("?version=", StringComparison.Ordinal);
    }
}
