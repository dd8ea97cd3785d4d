using System.Diagnostics;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using ManifestLint.Usage.Report;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>
/// The HTML report in a real browser (Debian's chromium, headless; scripts/test.sh installs it): it renders (the
/// screenshot shows the bars in the report's colours, the DOM has one SVG per container and the legend) and logs nothing
/// to the console. A page with a console error proves the check sees one.
/// </summary>
public class HtmlReportBrowserTests
{
    [Fact]
    public void Report_RendersItsBars_WithoutConsoleMessages()
    {
        using var tree = new TempTree();
        tree.Write("shop.yaml", Deployment("shop", "checkout", "128Mi", "512Mi", replicas: 3) + "---\n" + Deployment("shop", "catalog", "2Gi", "2Gi", replicas: 2));
        tree.Write("usage.json", Matrix(
            new Series("shop", "checkout-7d9f8b6c5d-x2k4p", "app", Sampled(2016, 300, i => (350 + (i % 100)) * MiB)),
            new Series("shop", "catalog-5f6d7c8b9-b9zqw", "app", Sampled(2016, 300, i => (250 + (i % 120)) * MiB))));
        var (code, _, error) = CliRunner.Run(tree.Root, "usage", "report", "shop.yaml", "--usage", "usage.json", "--format", "html", "--output", "report.html");
        Assert.True(code == ExitCodes.Success, error);
        var page = Path.Combine(tree.Root, "report.html");

        var (shotCode, console) = Chromium(tree.Root, $"--screenshot={Path.Combine(tree.Root, "shot.png")}", "--window-size=1200,900", new Uri(page).AbsoluteUri);
        Assert.Equal(0, shotCode);
        Assert.Empty(ConsoleMessages(console));

        var pixels = PngPixels.Read(File.ReadAllBytes(Path.Combine(tree.Root, "shot.png")));
        Assert.Equal((1200, 900), (pixels.Width, pixels.Height));
        Assert.True(pixels.Count(Rgb(HtmlUsageReport.LimitColour)) > 100, "the limit lines (red) are drawn");
        Assert.True(pixels.Count(Rgb(HtmlUsageReport.RequestColour)) > 100, "the request lines (green) are drawn");
        Assert.True(pixels.Count(Blend(Rgb(HtmlUsageReport.UsageColour), 0.85)) > 500, "the p50-p95 boxes (blue) are drawn");

        var (domCode, dom) = Chromium(tree.Root, "--dump-dom", new Uri(page).AbsoluteUri);
        Assert.Equal(0, domCode);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(dom, "<svg "));
        Assert.Contains("shop/checkout · app", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheConsoleCheck_SeesAnError()
    {
        using var tree = new TempTree();
        var page = tree.Write("bad.html", "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>");

        var (_, console) = Chromium(tree.Root, $"--screenshot={Path.Combine(tree.Root, "bad.png")}", new Uri(page).AbsoluteUri);

        Assert.Contains(ConsoleMessages(console), m => m.Contains("Uncaught ReferenceError", StringComparison.Ordinal));
    }

    private static readonly string[] Executables = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private static IEnumerable<string> ConsoleMessages(string log) => log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal));

    private static (int R, int G, int B) Rgb(string hex) => (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    private static (int R, int G, int B) Blend((int R, int G, int B) c, double alpha) =>
        ((int)Math.Round((c.R * alpha) + (255 * (1 - alpha))), (int)Math.Round((c.G * alpha) + (255 * (1 - alpha))), (int)Math.Round((c.B * alpha) + (255 * (1 - alpha))));

    /// <summary>Runs headless chromium with console logging on standard error; the output of --dump-dom is standard output.</summary>
    private static (int ExitCode, string Output) Chromium(string directory, params string[] arguments)
    {
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromium is required by the HTML report test: run scripts/test.sh (installs Debian's chromium) or apt-get install chromium.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--enable-logging=stderr", "--v=0", $"--user-data-dir={Path.Combine(directory, ".chromium")}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 90 s");
        }

        return (process.ExitCode, arguments.Contains("--dump-dom") ? output.Result : error.Result);
    }
}
