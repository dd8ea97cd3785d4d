using System.Diagnostics;
using ManifestLint.Cli;
using ManifestLint.Engine.Analysis;
using Xunit;

namespace ManifestLint.Tests.Cli;

/// <summary>
/// Ctrl-C stops a lint cleanly: the helm processes are killed, no report file is left (not even half of one or its
/// temporary file), and the exit code is 130. The engine stops only for the run's own cancellation: an
/// OperationCanceledException a rule makes up is an ML0000 like any other exception.
/// </summary>
public class CancellationTests
{
    private const string Chart = "apiVersion: v2\nname: api\nversion: 0.1.0\n";

    /// <summary>A chart, and a "helm" that writes its process ID and then sleeps (as a render that takes long).</summary>
    private static (string Helm, string PidFile) SlowHelm(TempTree tree)
    {
        tree.Write("charts/api/Chart.yaml", Chart);
        tree.Write("charts/api/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        var pidFile = Path.Combine(tree.Root, "helm.pid");
        var helm = tree.Write("bin/helm", $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return (helm, pidFile);
    }

    private static int WaitForPid(string pidFile)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                return pid;
            }

            Thread.Sleep(50);
        }

        Assert.Fail("helm never started");
        return 0;
    }

    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].StartsWith('Z');

    [Fact]
    public async Task CancellingTheRun_KillsHelm_WritesNoReport_AndExits130()
    {
        using var tree = new TempTree();
        var (helm, pidFile) = SlowHelm(tree);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => Stream.Null, tree.Root) { GetEnvironmentVariable = _ => null };
        using var cancellation = new CancellationTokenSource();

        var run = CliApplication.RunAsync(["lint", "charts", "--helm", helm, "--format", "sarif", "--output", "out.sarif"], environment, cancellation.Token);
        var pid = await Task.Run(() => WaitForPid(pidFile));
        await cancellation.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("manifestlint: cancelled; no report was written.\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.False(Alive(pid), $"helm (pid {pid}) is still running");
        Assert.DoesNotContain(Directory.GetFiles(tree.Root), f => f.Contains("out.sarif", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigintToTheProcess_IsExit130_WithHelmKilledAndNoReport()
    {
        using var tree = new TempTree();
        var (helm, pidFile) = SlowHelm(tree);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = tree.Root, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "manifestlint.dll"), "lint", "charts", "--helm", helm, "-f", "sarif", "-o", "out.sarif" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var helmPid = WaitForPid(pidFile);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "manifestlint did not stop after SIGINT");
        Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        Assert.Contains("manifestlint: cancelled; no report was written.", await errors, StringComparison.Ordinal);
        Assert.False(Alive(helmPid), $"helm (pid {helmPid}) is still running");
        Assert.DoesNotContain(Directory.GetFiles(tree.Root), f => f.Contains("out.sarif", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRunsOwnCancellation_StopsTheEngine()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new AnalysisEngine().Analyze([AnalysisInput.FromText("a.yaml", "kind: Pod\n")], cancellation: cancelled.Token));
    }
}
