using System.Text;
using ManifestLint.Cli.Output;
using Xunit;

namespace ManifestLint.Tests.Cli;

public class Utf8TextWriterStreamTests
{
    [Fact]
    public void TextWrittenInPiecesCutInsideCharacters_ArrivesWhole()
    {
        const string text = "{\"message\": \"héap ≥ limit 🚀, 日本\"}\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var piece = 1; piece <= 5; piece++)
        {
            var writer = new StringWriter();
            using (var stream = new Utf8TextWriterStream(writer))
            {
                for (var i = 0; i < bytes.Length; i += piece)
                {
                    stream.Write(bytes, i, Math.Min(piece, bytes.Length - i));
                    stream.Flush();
                }
            }

            Assert.Equal(text, writer.ToString());
        }
    }
}
