package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.CallResult;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.SystemContract;
import org.banyan.ledger.SystemContracts;
import org.banyan.ledger.Validator;
import org.banyan.lightclient.ChainGroupEntries;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.junit.jupiter.api.Test;

class RegistryCapsTest {

    @Test
    void theRegistryListsUpToItsCapOfSubChains() {
        final Group group = new Group();
        group.approveBackbone();
        final int perTransaction = ChainGroupLimits.MAX_SUB_CHAINS / 2;
        for (int batch = 0; batch < 2; batch++) {
            final int first = batch * perTransaction;
            final Operation[] applications = IntStream.range(first, first + perTransaction)
                .mapToObj(index -> TestChain.call(ChainGroupContract.ADDRESS, "applySubChain",
                    minimalApplication(group, String.format("s%03d", index))))
                .toArray(Operation[]::new);
            final TestChain.Sent sent = group.main.send(group.node, applications);
            assertThat(sent.succeeded()).as(sent.message()).isTrue();
        }

        final TestChain.Sent over = group.call(group.node, "applySubChain", minimalApplication(group, "t000"));

        assertThat(over.message()).contains("the registry holds " + ChainGroupLimits.MAX_SUB_CHAINS + " sub-chains");
        assertThat(group.query("subChains", "{}").split("\"ac\":", -1)).hasSize(ChainGroupLimits.MAX_SUB_CHAINS + 1);
    }

    private static String minimalApplication(final Group group, final String ac) {
        return "{\"ac\":\"" + ac + "\",\"name\":\"n\",\"industry\":\"i\",\"chain_type\":\"t\",\"chain_id\":2,"
            + "\"genesis_hash\":\"" + "cd".repeat(32) + "\",\"validators\":" + Group.validatorsJson(List.of(group.node))
            + ",\"gateways\":[\"" + group.address(group.gateway) + "\"],\"endpoint\":\"e\",\"resolver_url\":\"r\"}";
    }

    /** Drives {@link FrozenAccounts} inside a real ledger: "fill n" lists n frozen accounts, "freeze i" freezes one. */
    private static final class FrozenAccountsDriver implements SystemContract {

        static final String ADDRESS = ChainGroupEntries.systemAddress("test/frozen");

        @Override
        public String address() {
            return ADDRESS;
        }

        @Override
        public CallResult call(final CallContext context) {
            final String[] words = context.input().split(" ");
            final int count = Integer.parseInt(words[1]);
            try {
                if (words[0].equals("fill")) {
                    context.putMetadata(ChainGroupKeys.FROZEN_ACCOUNTS, IntStream.range(0, count)
                        .mapToObj(index -> "\"" + account(index) + "\"").collect(Collectors.joining(",", "[", "]")));
                } else {
                    FrozenAccounts.set(context, account(count), true, count);
                }
                return CallResult.success();
            } catch (final Refusal refusal) {
                return CallResult.failure(refusal.code(), refusal.getMessage());
            }
        }

        @Override
        public Outcome<String> query(final QueryContext context) {
            return Outcome.ok(String.valueOf(FrozenAccounts.list(context).size()));
        }

        static String account(final int index) {
            return Address.of(KeyType.ED25519, Arrays.copyOfRange(Hashes.sha256(("frozen-" + index)
                .getBytes(StandardCharsets.UTF_8)), 10, 32), Optional.of("ab12")).toString();
        }
    }

    @Test
    void aSubChainKeepsUpToItsCapOfFrozenAccounts() {
        final String governance = TestChain.key("g").publicKey().address().toString();
        final Genesis genesis = new Genesis(3, false, 1, governance, List.of(new GenesisAccount(governance, 1L << 40)),
            List.of(new Validator(TestChain.key("v").publicKey().encoded(), 1)), new FeeSchedule(1, 0));
        final TestChain chain = new TestChain(genesis, SystemContracts.builtIn().with(new FrozenAccountsDriver()));
        final org.banyan.crypto.PrivateKey key = TestChain.key("g");
        final int cap = ChainGroupLimits.MAX_FROZEN_ACCOUNTS;

        assertThat(chain.call(key, FrozenAccountsDriver.ADDRESS, "fill " + (cap - 1)).succeeded()).isTrue();
        assertThat(chain.call(key, FrozenAccountsDriver.ADDRESS, "freeze " + (cap - 1)).succeeded()).isTrue();
        assertThat(chain.ledger.query(FrozenAccountsDriver.ADDRESS, "").value()).isEqualTo(String.valueOf(cap));

        final TestChain.Sent over = chain.call(key, FrozenAccountsDriver.ADDRESS, "freeze " + cap);
        assertThat(over.code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(over.message()).contains("already keeps " + cap + " accounts frozen");
        assertThat(chain.call(key, FrozenAccountsDriver.ADDRESS, "freeze 0").succeeded())
            .as("refreezing a listed account adds nothing").isTrue();
    }
}
