package io.jitprovisioning.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 exchange over a plain socket ({@code Connection: close}). Unlike an HTTP client, it lets the caller act
 * at the moment the request has been handed to the server: the load balancer's tripwire kills a node then.
 */
final class RawHttp {

    /** Status, headers (names compared ignoring case) and body of an answer. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private RawHttp() {
    }

    /** Connection refused: {@link java.net.ConnectException}; no answer after the request was sent: another IOException. */
    static Answer exchange(URI target, String method, Map<String, List<String>> headers, byte[] body, Runnable whenSent)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
            socket.setSoTimeout(90_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n");
            headers.forEach((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            whenSent.run();
            byte[] raw = socket.getInputStream().readAllBytes();
            if (raw.length == 0) {
                throw new IOException("The connection closed without an answer");
            }
            return parse(raw);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("An incomplete answer: " + raw.length + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = new String(chunked, at, chunked.length - at, StandardCharsets.ISO_8859_1).indexOf("\r\n") + at;
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }
}
