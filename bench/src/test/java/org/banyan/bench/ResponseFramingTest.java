package org.banyan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Framing finds back-to-back answers however the bytes arrive, and refuses what it cannot frame. */
class ResponseFramingTest {

    private static final List<String> ANSWERS = List.of(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\nhello",
        "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n",
        "HTTP/1.1 410 Gone\r\nContent-Length: 2\r\n\r\n{}");

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void answersAreFramedFromAnyPrefix() throws Exception {
        final byte[] all = bytes(String.join("", ANSWERS));
        for (int arrived = 0; arrived <= all.length; arrived++) {
            final List<Integer> statuses = new ArrayList<>();
            int from = 0;
            Optional<ResponseFraming.Framed> framed;
            while ((framed = ResponseFraming.first(all, from, arrived)).isPresent()) {
                statuses.add(framed.get().status());
                from += framed.get().lengthBytes();
            }
            int complete = 0;
            int end = 0;
            for (final String answer : ANSWERS) {
                end += answer.length();
                complete += end <= arrived ? 1 : 0;
            }
            assertThat(statuses).as("after %d bytes", arrived).containsExactlyElementsOf(List.of(200, 404, 410)
                .subList(0, complete));
        }
        assertThat(ResponseFraming.first(all, 0, all.length))
            .contains(new ResponseFraming.Framed(200, ANSWERS.get(0).length()));
    }

    @Test
    void unframableAndMalformedAnswersAreRefused() {
        assertThatThrownBy(() -> ResponseFraming.first(bytes("HTTP/1.1 200 OK\r\n\r\n"), 0, 19))
            .hasMessageContaining("without Content-Length");
        final byte[] chunked = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertThatThrownBy(() -> ResponseFraming.first(chunked, 0, chunked.length)).hasMessageContaining("Content-Length only");
        final byte[] ssh = bytes("SSH-2.0-OpenSSH\r\n\r\n");
        assertThatThrownBy(() -> ResponseFraming.first(ssh, 0, ssh.length)).hasMessageContaining("not an HTTP/1.x status line");
        final byte[] overlong = bytes("HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseFraming.MAX_HEADER_BYTES));
        assertThatThrownBy(() -> ResponseFraming.first(overlong, 0, overlong.length))
            .hasMessageContaining("longer than " + ResponseFraming.MAX_HEADER_BYTES);
    }

    @Test
    void headersUpToTheCapWaitForMoreBytes() throws Exception {
        final byte[] atCap = bytes("HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseFraming.MAX_HEADER_BYTES - 20));
        assertThat(atCap).hasSize(ResponseFraming.MAX_HEADER_BYTES);
        assertThat(ResponseFraming.first(atCap, 0, atCap.length)).isEmpty();
    }
}
