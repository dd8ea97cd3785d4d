using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ManifestLint.Tests.TestSupport;

namespace ManifestLint.Tests.Reliability.Fuzz;

/// <summary>What gopkg.in/yaml.v3 made of a stream: whether it decodes, why not, and each document's tree (see tests/GoYamlOracle).</summary>
public sealed record GoYamlResult(bool Accepted, string? Error, JsonArray Documents);

/// <summary>
/// The Go oracle of the differential parser tests: tests/GoYamlOracle built with gopkg.in/yaml.v3, kept running and fed
/// one stream at a time. <c>scripts/go-oracle.sh</c> installs Go and the yaml.v3 sources (Debian packages) and builds it
/// into <c>.tools/bin</c>; when it is not there and <c>go</c> is, it is built here. Without either the tests fail: a
/// differential test that quietly does not run shows nothing.
/// </summary>
public sealed class GoYamlOracle : IDisposable
{
    private static readonly Lazy<GoYamlOracle> Shared = new(() => new GoYamlOracle(Locate()));
    private readonly Process process;
    private readonly object gate = new();

    private GoYamlOracle(string binary)
    {
        process = Process.Start(new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        }) ?? throw new InvalidOperationException($"{binary} did not start.");
    }

    public static GoYamlOracle Instance => Shared.Value;

    public GoYamlResult Decode(string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        lock (gate)
        {
            var input = process.StandardInput.BaseStream;
            input.Write(Encoding.ASCII.GetBytes($"{bytes.Length}\n"));
            input.Write(bytes);
            input.Flush();
            var line = process.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException($"The Go oracle stopped: {process.StandardError.ReadToEnd()}");
            var json = JsonNode.Parse(line)!.AsObject();
            return new GoYamlResult(json["ok"]!.GetValue<bool>(), json["err"]?.GetValue<string>(), json["docs"] as JsonArray ?? []);
        }
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit(5000);
        process.Dispose();
    }

    private static string Locate()
    {
        var installed = Path.Combine(RepositoryPaths.Root, ".tools", "bin", "go-yaml-oracle");
        if (File.Exists(installed))
        {
            return installed;
        }

        var built = Path.Combine(Path.GetTempPath(), $"manifestlint-go-yaml-oracle-{Environment.ProcessId}");
        var start = new ProcessStartInfo("go", ["build", "-o", built, "."])
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "tests", "GoYamlOracle"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = "/usr/share/gocode";
        try
        {
            using var go = Process.Start(start)!;
            var error = go.StandardError.ReadToEnd();
            go.WaitForExit();
            return go.ExitCode == 0 && File.Exists(built)
                ? built
                : throw new InvalidOperationException($"Building the Go oracle failed ({error.Trim()}). Run scripts/go-oracle.sh (it installs golang-go and golang-gopkg-yaml.v3-dev).");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The Go oracle is not built and Go is not installed ({e.Message}). Run scripts/go-oracle.sh (it installs golang-go and golang-gopkg-yaml.v3-dev).", e);
        }
    }
}
