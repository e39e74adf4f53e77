package de.ozgsdk.bench.upload;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.upload.scan.ScanResult;
import de.ozgsdk.portal.upload.scan.VirusScanner;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The clamd INSTREAM exchange as the portal's scanner speaks it (command, 64 KiB length-prefixed chunks, zero
 * terminator, one reply), for the benchmark only until the portal's {@code ClamdScanner} can take its place.
 */
final class InstreamScanner implements VirusScanner {

    private final int port;

    InstreamScanner(int port) {
        this.port = port;
    }

    @Override
    public ScanResult scan(InputStream content) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(),
                    64 * 1024 + 4));
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int n = content.readNBytes(chunk, 0, chunk.length); n > 0;
                    n = content.readNBytes(chunk, 0, chunk.length)) {
                out.writeInt(n);
                out.write(chunk, 0, n);
            }
            out.writeInt(0);
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (reply.startsWith("stream: OK")) {
                return ScanResult.cleanResult();
            }
            return ScanResult.infected(reply.replace("stream: ", "").replace(" FOUND", "").strip());
        } catch (IOException e) {
            throw RemoteSystemException.builder(PortalError.UPLOAD_SCANNER_UNAVAILABLE, "clamd stub")
                    .side(RemoteSystemException.Side.REMOTE).cause(e).build();
        }
    }

    @Override
    public void selfCheck() {
        scan(InputStream.nullInputStream());
    }
}
