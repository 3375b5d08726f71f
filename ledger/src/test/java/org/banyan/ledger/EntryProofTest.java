package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.crypto.Hashes;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;
import org.banyan.trie.StateProof;
import org.junit.jupiter.api.Test;

class EntryProofTest {

    /** "k v" stores v under k. */
    private static final TestContract NOTES = TestContract.callable("test/entry-notes", context -> {
        final String[] words = context.input().split(" ");
        context.putMetadata(words[0], words[1]);
        return CallResult.success();
    });

    private final TestChain chain = new TestChain(SystemContracts.builtIn().with(NOTES));

    private long put(final String key, final String value) {
        return chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(
            TestChain.call(NOTES.address(), 0, key + " " + value)))).header().getSeq();
    }

    @Test
    void thePartsVerifyWithTheTriesOwnVerificationAgainstTheLedgersStateRoot() throws Exception {
        put("order/abcd/1", "{\"kind\":\"freeze_account\"}");
        final long seq = put("other", "x");
        chain.close();

        final MetadataEntryProof proof = chain.ledger.entryProof(NOTES.address(), "order/abcd/1", seq).value();

        assertThat(proof.header()).isEqualTo(chain.ledger.header(seq).orElseThrow());
        final byte[] stateRoot = proof.header().getAccountTreeHash().toByteArray();
        assertThat(StateProof.decode(proof.accountProof()).verifiesInclusion(stateRoot,
            LedgerHashes.accountKey(NOTES.address()), Hashes.sha256(proof.accountBlob()))).isTrue();
        final Account account = Account.parseFrom(proof.accountBlob());
        assertThat(StateProof.decode(proof.entryProof()).verifiesInclusion(account.getMetadatasHash().toByteArray(),
            LedgerHashes.metadataKey("order/abcd/1"), Hashes.sha256(proof.entry()))).isTrue();
        assertThat(KeyPair.parseFrom(proof.entry()).getValue()).isEqualTo("{\"kind\":\"freeze_account\"}");
    }

    @Test
    void theProofDoesNotVerifyForAnotherKeyOrAnotherRoot() throws Exception {
        final long seq = put("order/abcd/1", "a");
        put("order/abcd/2", "b");
        final MetadataEntryProof proof = chain.ledger.entryProof(NOTES.address(), "order/abcd/1", seq).value();
        final Account account = Account.parseFrom(proof.accountBlob());

        assertThat(StateProof.decode(proof.entryProof()).verifiesInclusion(account.getMetadatasHash().toByteArray(),
            LedgerHashes.metadataKey("order/abcd/2"), Hashes.sha256(proof.entry()))).isFalse();
        assertThat(StateProof.decode(proof.accountProof()).verifiesInclusion(
            chain.ledger.lastHeader().getAccountTreeHash().toByteArray(),
            LedgerHashes.accountKey(NOTES.address()), Hashes.sha256(proof.accountBlob())))
            .as("the account changed since, so the proof is for ledger " + seq + " only").isFalse();
    }

    @Test
    void anEntryMissingAtThatLedgerIsNotProven() {
        final long before = put("first", "1");
        put("later", "2");

        assertThat(chain.ledger.entryProof(NOTES.address(), "later", before).error().message())
            .contains("has no metadata entry 'later' in ledger " + before);
        assertThat(chain.ledger.entryProof(NOTES.address(), "first", 1).error().message())
            .contains("does not exist in ledger 1");
        assertThat(chain.ledger.entryProof(NOTES.address(), "first", 999).error().message())
            .contains("ledger 999 is not in");
    }

    @Test
    void anEntryRewrittenSinceCannotBeProvenAtTheOldLedger() {
        final long seq = put("counter", "1");
        put("counter", "2");

        assertThat(chain.ledger.entryProof(NOTES.address(), "counter", seq).error().message())
            .contains("changed after ledger " + seq);
        assertThat(chain.ledger.entryProof(NOTES.address(), "counter", seq + 1).isOk()).isTrue();
    }
}
