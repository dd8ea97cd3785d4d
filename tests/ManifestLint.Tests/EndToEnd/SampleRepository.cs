using ManifestLint.Tests.TestSupport;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>
/// A user's repository with manifests and a Helm chart: one commit, then changes staged for the next one, as
/// pre-commit sees them (<see cref="StagedFiles"/>, repository-relative).
/// </summary>
internal sealed class SampleRepository
{
    private const string Compliant = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {memory: 256Mi, cpu: 100m}
                    limits: {memory: 256Mi}

        """;

    private SampleRepository(string root) => Root = root;

    public string Root { get; }

    /// <summary>Creates it under <paramref name="parent"/>: the first commit, then staged changes.</summary>
    public static SampleRepository Create(string parent)
    {
        var root = Path.Combine(parent, "user-repo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var repository = new SampleRepository(root);
        CleanCheckout.Git(root, "init", "--quiet", "--initial-branch=main");
        repository.Write("k8s/web.yaml", Compliant);
        repository.Write("k8s/untouched.yaml", Compliant.Replace("name: web,", "name: old,", StringComparison.Ordinal).Replace("            limits: {memory: 256Mi}\n", string.Empty, StringComparison.Ordinal));
        repository.Write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        CopyDirectory(Path.Combine(RepositoryPaths.Samples, "charts", "web"), Path.Combine(root, "charts", "web"));
        repository.Commit();

        // The changes of the next commit: a limit removed, a new file with a quantity typo, a chart's values and
        // template edited (two files of one chart), a CI file, and a file the hook's pattern does not take.
        repository.Write("k8s/web.yaml", Compliant.Replace("            limits: {memory: 256Mi}\n", string.Empty, StringComparison.Ordinal));
        repository.Write("k8s/new.yaml", Compliant.Replace("name: web,", "name: api,", StringComparison.Ordinal).Replace("limits: {memory: 256Mi}\n", "limits: {memory: 512m}\n", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(root, "charts/web/values.yaml"), "# tuned\n");
        File.AppendAllText(Path.Combine(root, "charts/web/templates/deployment.yaml"), "{{- /* reviewed */}}\n");
        repository.Write(".github/workflows/ci.yml", "on: [push, pull_request]\njobs: {}\n");
        repository.Write("NOTES.txt", "not a manifest\n");
        CleanCheckout.Git(root, "add", "--all");
        return repository;
    }

    /// <summary>The staged files, as pre-commit passes them before filtering by the hook's pattern.</summary>
    public IReadOnlyList<string> StagedFiles() =>
        CleanCheckout.Git(Root, "diff", "--cached", "--name-only", "--diff-filter=ACMR").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private void Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private void Commit()
    {
        CleanCheckout.Git(Root, "add", "--all");
        CleanCheckout.Git(Root, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "--quiet", "--message", "manifests");
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
