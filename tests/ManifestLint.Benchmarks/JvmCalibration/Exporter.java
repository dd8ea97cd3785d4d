import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A stand-in for a small metrics exporter: an HTTP endpoint that renders a few hundred metric lines per scrape. */
public final class Exporter {
    public static void main(String[] args) throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/metrics", exchange -> {
            var text = new StringBuilder();
            for (var i = 0; i < 500; i++) {
                text.append("exporter_metric{id=\"").append(i).append("\"} ").append(Math.random()).append('\n');
            }
            var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        });
        server.start();
    }
}
