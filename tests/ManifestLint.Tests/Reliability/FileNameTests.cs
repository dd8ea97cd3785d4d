using System.Text.Json;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Sarif;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// File names with spaces, non-ASCII letters, newlines, tabs, quotes, percent signs, '#', '?', ',', ':' and a
/// compiler-style "(1,2): error" in them: every one is linted, and every report format names it so that it cannot be
/// mistaken for another finding, another file or another field.
/// </summary>
public class FileNameTests
{
    public static readonly TheoryData<string> Names =
    [
        "my app.yaml",
        "ünïcödé/под/名前.yaml",
        "cafe\u0301 (NFD).yaml",
        "new\nline.yaml",
        "carriage\rreturn.yaml",
        "tab\there.yaml",
        "quote\"s 'and' `ticks`.yaml",
        "percent%20and%zz.yaml",
        "hash#and?query.yaml",
        "comma,colon:semi;.yaml",
        "back\\slash.yaml",
        "x.yaml(1,2): error ML9999: fake.yaml",
        "-starts-with-a-dash.yaml",
        "pipe|and*star[1].yaml",
        "emoji 🚀.yaml",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void Text_NamesTheFile_OnOneLinePerFinding(string name)
    {
        using var tree = Tree(name);

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "k8s", "--no-color");

        var escaped = "k8s/" + name.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        Assert.Contains($"{escaped}(8,7): warning ML1001: Pod default/witness", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("line.yaml", StringComparison.Ordinal) || line.StartsWith("return.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sarif_IsSchemaValid_AndItsUriResolvesToTheFile(string name)
    {
        using var tree = Tree(name);

        var (_, output, error) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "sarif");

        SarifSchemaValidator.AssertValid(output);
        using var log = JsonDocument.Parse(output);
        var location = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        var uri = location.GetProperty("uri").GetString()!;
        Assert.False(uri.Any(c => c is ' ' or '\n' or '\r' or '\t' or '#' or '?') || !IsPercentEscape(uri), $"{uri}\n{error}");
        Assert.Equal("k8s/" + name, Uri.UnescapeDataString(uri));
        Assert.True(Uri.TryCreate(new Uri("file://" + Path.TrimEndingDirectorySeparator(tree.Root) + "/"), uri, out var resolved));
        Assert.Equal(Path.Combine(tree.Root, "k8s", name), resolved!.LocalPath);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_NamesTheFileExactly(string name)
    {
        using var tree = Tree(name);

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "json");

        using var document = JsonDocument.Parse(output);
        Assert.Contains("k8s/" + name, Strings(document.RootElement));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void GitHubAnnotations_EscapeTheFileProperty(string name)
    {
        using var tree = Tree(name);

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "github");

        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("::warning ", StringComparison.Ordinal));
        var file = line["::warning file=".Length..line.IndexOf(",line=", StringComparison.Ordinal)];
        Assert.DoesNotContain(file, c => c is '\n' or '\r' or ',' or ':');
        Assert.Equal("k8s/" + name, Uri.UnescapeDataString(file));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Markdown_KeepsEachFindingOnItsRow(string name)
    {
        using var tree = Tree(name);

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "markdown");

        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("line.yaml", StringComparison.Ordinal) || l.StartsWith("return.yaml", StringComparison.Ordinal));
        Assert.Contains("ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameThatLooksLikeAnOption_IsLintedAfterDoubleDash()
    {
        using var tree = Tree("-x.yaml");

        var (code, output, _) = CliRunner.Run(Path.Combine(tree.Root, "k8s"), "lint", "--", "-x.yaml");

        Assert.Equal(ManifestLint.Cli.ExitCodes.Findings, code);
        Assert.Contains("-x.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    private static TempTree Tree(string name)
    {
        var tree = new TempTree();
        tree.Write(Path.Combine("k8s", name), Lint.PodWithoutLimit);
        return tree;
    }

    /// <summary>Every '%' in the URI starts a percent-escape.</summary>
    private static bool IsPercentEscape(string uri) => !uri.Split('%').Skip(1).Any(part => part.Length < 2 || !Uri.IsHexDigit(part[0]) || !Uri.IsHexDigit(part[1]));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
