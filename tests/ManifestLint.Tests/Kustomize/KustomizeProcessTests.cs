using System.Diagnostics;
using ManifestLint.Kustomize.Building;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>The sealed kustomize run: its environment, timeout, output bound and process-tree kill, and plugins refused by kustomize itself.</summary>
public sealed class KustomizeProcessTests : IDisposable
{
    private readonly string sandbox = Path.Combine(Path.GetTempPath(), "ml-kustomize-process-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    private string Script(string name, string body)
    {
        Directory.CreateDirectory(sandbox);
        var path = Path.Combine(sandbox, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    [Fact]
    public async Task TheEnvironment_HasNoNetworkNoPathNoPluginsAndNoKubeconfig()
    {
        Environment.SetEnvironmentVariable("KUSTOMIZE_PLUGIN_HOME", "/somewhere/with/plugins");
        var script = Script("env-kustomize", "echo \"PATH=$PATH\"; echo \"HTTPS_PROXY=$HTTPS_PROXY\"; echo \"KUBECONFIG=$KUBECONFIG\"; echo \"PLUGINS=$KUSTOMIZE_PLUGIN_HOME\"");
        var process = KustomizeProcess.Create(script, Path.Combine(sandbox, "box"));

        var run = await process.RunAsync([], sandbox, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(run.Succeeded, run.Error);
        Assert.Contains($"PATH={Path.Combine(sandbox, "box", "empty-path")}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("HTTPS_PROXY=http://127.0.0.1:9\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"KUBECONFIG={Path.Combine(sandbox, "box", "no-kubeconfig")}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"PLUGINS={Path.Combine(sandbox, "box", "plugins")}\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunPastTheTimeout_IsKilled_WithItsChildren()
    {
        var pidFile = Path.Combine(sandbox, "child.pid");
        var script = Script("slow-kustomize", $"/bin/sleep 300 & echo $! > {pidFile}; wait");
        var process = KustomizeProcess.Create(script, Path.Combine(sandbox, "box"));
        var clock = Stopwatch.StartNew();

        var run = await process.RunAsync([], sandbox, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.True(run.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await WaitGone(child);
    }

    [Fact]
    public async Task OutputPastTheBound_StopsTheRun_AndSaysWhichBound()
    {
        var script = Script("chatty-kustomize", "while true; do echo 'apiVersion: v1'; done");
        var process = KustomizeProcess.Create(script, Path.Combine(sandbox, "box"), maxOutputCharacters: 100_000);

        var run = await process.RunAsync([], sandbox, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(run.Overflowed);
        Assert.False(run.Succeeded);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("more than 100,000 characters of output", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KustomizeItself_RefusesTheExecPlugin_WhenTheGuardIsBypassed()
    {
        var marker = Path.Combine(Path.GetTempPath(), "manifestlint-plugin-ran");
        File.Delete(marker);
        var settings = KustomizeTool.Settings;
        var box = Path.Combine(sandbox, "box");
        var builder = new KustomizeBuilder(KustomizeProcess.Create(settings.ExecutablePath!, box), box, p => Path.GetRelativePath(RepositoryPaths.Root, p));

        var build = await builder.BuildAsync(Path.Combine(KustomizeTool.Fixtures, "errors", "plugin"), isComponent: false, settings, CancellationToken.None);

        Assert.False(build.Succeeded);
        Assert.Contains("external plugins disabled", build.Failure, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task ARemoteBase_FailsFast_WhenTheGuardIsBypassed_ForNothingCanReachTheNetwork()
    {
        var settings = KustomizeTool.Settings;
        var box = Path.Combine(sandbox, "box");
        var builder = new KustomizeBuilder(KustomizeProcess.Create(settings.ExecutablePath!, box), box, p => Path.GetRelativePath(RepositoryPaths.Root, p));

        var build = await builder.BuildAsync(Path.Combine(KustomizeTool.Fixtures, "errors", "remote"), isComponent: false, settings, CancellationToken.None);

        Assert.False(build.Succeeded);
        Assert.Contains("127.0.0.1:9", build.Failure, StringComparison.Ordinal);
        Assert.Contains("no 'git' program on path", build.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBuildWithoutItsMetadata_IsWhatKubectlKustomizePrints()
    {
        var settings = KustomizeTool.Settings;
        var box = Path.Combine(sandbox, "box");
        var process = KustomizeProcess.Create(settings.ExecutablePath!, box);
        var builder = new KustomizeBuilder(process, box, p => Path.GetRelativePath(RepositoryPaths.Root, p));
        var units = new[] { "kustomize/shop/overlays/dev", "kustomize/shop/overlays/prod", "corpus/microservices-demo", "corpus/emojivoto/daemonset", "corpus/flux-source-controller/default" };
        foreach (var unit in units.Select(u => Path.Combine(KustomizeTool.Fixtures, "..", u)).Select(Path.GetFullPath))
        {
            var build = await builder.BuildAsync(unit, isComponent: false, settings, CancellationToken.None);
            var plain = await process.RunAsync(["kustomize", unit], unit, TimeSpan.FromSeconds(60), CancellationToken.None);

            Assert.True(build.Succeeded, build.Failure);
            Assert.Equal(plain.Output, build.Text);
            Assert.All(build.Objects, o => Assert.True(o.Origin is not null, $"{unit}: {o.Kind} {o.Name} has no origin"));
        }
    }

    private static async Task WaitGone(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited)
                {
                    return;
                }
            }
            catch (ArgumentException)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The child process {pid} outlived the timeout.");
    }
}
