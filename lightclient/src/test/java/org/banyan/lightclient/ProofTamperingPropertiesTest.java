package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.junit.jupiter.api.Test;

/**
 * Every proof verifies what the state holds, and no single tampered byte anywhere in its encoding is accepted: it
 * either fails to decode or fails to verify. The same holds for certified headers offered to the light client.
 */
class ProofTamperingPropertiesTest {

    @Test
    void entryProofsHoldAndAnyTamperedByteBreaksThem() {
        qt().withExamples(25).forAll(lists().of(integers().between(0, 4)).ofSizeBetween(1, 5),
                integers().between(0, 1_000), integers().between(1, 255)).checkAssert((entryCounts, choice, mask) -> {
                    final TestState state = new TestState();
                    for (int account = 0; account < entryCounts.size(); account++) {
                        final Map<String, String> entries = new HashMap<>();
                        for (int entry = 0; entry < entryCounts.get(account); entry++) {
                            entries.put("key " + entry, "value " + account + "/" + entry);
                        }
                        state.put("did:bid:account" + account, entries);
                    }
                    final int account = choice % (entryCounts.size() + 1);
                    final String address = "did:bid:account" + account;
                    final String key = "key " + choice % 5;
                    final EntryProof proof = state.entryProof(address, key);
                    final Proven<String> truth = proof.verify(state.root(), address, key);
                    final boolean present = account < entryCounts.size() && choice % 5 < entryCounts.get(account);
                    assertThat(truth).isEqualTo(present ? new Proven.Present<>("value " + account + "/" + choice % 5)
                            : new Proven.Absent<>());

                    assertEveryTamperedByteIsRejected(proof.encode(), mask, EntryProof::decode,
                            tampered -> tampered.verify(state.root(), address, key), Proven.Invalid.class);
                });
    }

    @Test
    void transactionProofsHoldAndAnyTamperedByteBreaksThem() {
        qt().withExamples(25).forAll(lists().of(integers().between(0, 20)).ofSizeBetween(1, 4),
                integers().between(0, 1_000), integers().between(1, 255)).checkAssert((counts, choice, mask) -> {
                    final int[] transactionCounts = counts.stream().mapToInt(Integer::intValue).toArray();
                    transactionCounts[0] = Math.max(1, transactionCounts[0]);
                    final TestBlocks blocks = new TestBlocks(transactionCounts);
                    final TransactionProof proof = blocks.proof(0, choice % transactionCounts[0]);
                    assertThat(proof.verify(blocks.lastId())).isInstanceOf(Checked.Ok.class);

                    assertEveryTamperedByteIsRejected(proof.encode(), mask, TransactionProof::decode,
                            tampered -> tampered.verify(blocks.lastId()), Checked.Invalid.class);
                });
    }

    @Test
    void noTamperedByteOfACertifiedHeaderIsAccepted() {
        qt().withExamples(4).forAll(integers().between(1, 4), integers().between(1, 255)).checkAssert((size, mask) -> {
            final List<PrivateKey> keys = TestChain.keys(0, size);
            final TestChain chain = new TestChain(keys);
            final ClientState client = chain.client();
            final CertifiedHeader certified = chain.nextChangingTo(TestChain.keys(10, 2));
            assertThat(LightClient.update(client, certified, height -> java.util.Optional.empty()))
                    .isInstanceOf(UpdateResult.Accepted.class);

            assertEveryTamperedByteIsRejected(certified.toByteArray(), mask,
                    tampered -> LightClient.decodeCertifiedHeader(Bytes.base64(tampered)),
                    tampered -> LightClient.update(client, tampered, height -> java.util.Optional.empty()),
                    UpdateResult.Refused.class);
        });
    }

    /**
     * Flips the bits of {@code mask} in each byte of {@code encoded} in turn: every tampered encoding either fails to
     * decode or, decoded, is checked as {@code rejected}.
     */
    private static <T> void assertEveryTamperedByteIsRejected(final byte[] encoded, final int mask,
                                                              final Function<byte[], Checked<T>> decode,
                                                              final Function<T, Object> check,
                                                              final Class<?> rejected) {
        for (int position = 0; position < encoded.length; position++) {
            final byte[] tampered = encoded.clone();
            tampered[position] ^= (byte) mask;
            if (decode.apply(tampered) instanceof Checked.Ok<T> ok) {
                assertThat(check.apply(ok.value())).as("byte %d changed by %d", position, mask).isInstanceOf(rejected);
            }
        }
    }
}
