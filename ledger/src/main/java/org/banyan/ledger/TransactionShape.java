package org.banyan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationLog;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.OperationSetMetadata;
import org.banyan.protocol.OperationSetPrivilege;
import org.banyan.protocol.OperationSetSignerWeight;
import org.banyan.protocol.OperationSetThreshold;
import org.banyan.protocol.OperationTypeThreshold;
import org.banyan.protocol.Signer;
import org.banyan.protocol.Transaction;

/**
 * Checks of a transaction that need no state (BIF's {@code CheckValid}): addresses, amounts, sizes,
 * weights and thresholds in range, supported operation types. A transaction failing here is refused
 * at submission and never reaches a ledger.
 */
final class TransactionShape {

    private TransactionShape() {
    }

    static Optional<LedgerError> check(final Transaction transaction) {
        if (!isAddress(transaction.getSourceAddress())) {
            return error(ERRORCODE.ERRCODE_INVALID_ADDRESS,
                "source_address '" + transaction.getSourceAddress() + "' is not a valid BID address");
        }
        if (transaction.getNonce() <= 0) {
            return error(ERRORCODE.ERRCODE_BAD_SEQUENCE, "nonce must be positive (the account nonce plus one)");
        }
        if (transaction.getFeeLimit() < 0 || transaction.getGasPrice() < 0) {
            return error(ERRORCODE.ERRCODE_FEE_INVALID, "fee_limit and gas_price must not be negative");
        }
        if (transaction.getCeilLedgerSeq() < 0) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "ceil_ledger_seq must not be negative");
        }
        if (transaction.getDomainId() != 0) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "domain_id " + transaction.getDomainId() + " does not exist; this chain has only domain 0");
        }
        if (transaction.getMetadata().size() > Limits.MAX_TRANSACTION_METADATA_BYTES) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "transaction metadata is " + transaction.getMetadata().size() + " bytes; at most "
                    + Limits.MAX_TRANSACTION_METADATA_BYTES + " are allowed");
        }
        if (transaction.getOperationsCount() == 0) {
            return error(ERRORCODE.ERRCODE_MISSING_OPERATIONS, "the transaction has no operation");
        }
        if (transaction.getOperationsCount() > Limits.MAX_OPERATIONS) {
            return error(ERRORCODE.ERRCODE_TOO_MANY_OPERATIONS, "the transaction has " + transaction.getOperationsCount()
                + " operations; at most " + Limits.MAX_OPERATIONS + " are allowed");
        }
        for (int index = 0; index < transaction.getOperationsCount(); index++) {
            final Operation operation = transaction.getOperations(index);
            final String source = operation.getSourceAddress().isEmpty()
                ? transaction.getSourceAddress() : operation.getSourceAddress();
            final Optional<LedgerError> operationError = checkOperation(operation, source);
            if (operationError.isPresent()) {
                final LedgerError found = operationError.get();
                return error(found.code(), "operation " + index + " (" + operation.getType() + "): " + found.message());
            }
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkOperation(final Operation operation, final String source) {
        if (!isAddress(source)) {
            return error(ERRORCODE.ERRCODE_INVALID_ADDRESS, "source_address '" + source + "' is not a valid BID address");
        }
        return switch (operation.getType()) {
            case CREATE_ACCOUNT -> checkCreateAccount(operation.getCreateAccount());
            case SET_METADATA -> checkSetMetadata(operation.getSetMetadata());
            case SET_SIGNER_WEIGHT -> checkSetSignerWeight(operation.getSetSignerWeight(), source);
            case SET_THRESHOLD -> checkSetThreshold(operation.getSetThreshold());
            case PAY_COIN -> checkPayCoin(operation.getPayCoin(), source);
            case LOG -> checkLog(operation.getLog());
            case SET_PRIVILEGE -> checkSetPrivilege(operation.getSetPrivilege(), source);
            case SET_CONTROLLED_AREA -> checkSetControlledArea(operation);
            case UPGRADE_CONTRACT, CREATE_PRIVATE_CONTRACT, CALL_PRIVATE_CONTRACT -> error(
                ERRORCODE.ERRCODE_INVALID_PARAMETER, "smart contracts are not supported yet on this chain");
            default -> error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "operation type " + operation.getTypeValue() + " is not supported");
        };
    }

    private static Optional<LedgerError> checkCreateAccount(final OperationCreateAccount create) {
        if (!create.getContract().getPayload().isEmpty()) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "smart contracts are not supported yet: CREATE_ACCOUNT carries a contract payload");
        }
        if (!isAddress(create.getDestAddress())) {
            return error(ERRORCODE.ERRCODE_INVALID_ADDRESS,
                "dest_address '" + create.getDestAddress() + "' is not a valid BID address");
        }
        if (create.getInitBalance() < 0) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "init_balance must not be negative");
        }
        if (!create.hasPriv() || !create.getPriv().hasThresholds()) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "priv with thresholds is required");
        }
        final AccountPrivilege privilege = create.getPriv();
        // BIF (ledger version > 1000) requires a plain account to start with its own key as the only signer.
        if (privilege.getMasterWeight() != 1 || privilege.getSignersCount() != 0
            || privilege.getThresholds().getTxThreshold() != 1 || privilege.getThresholds().getTypeThresholdsCount() != 0) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "a plain account's priv must be {master_weight: 1, thresholds: {tx_threshold: 1}}; "
                    + "add signers afterwards with SET_PRIVILEGE");
        }
        for (final KeyPair metadata : create.getMetadatasList()) {
            final Optional<LedgerError> error = checkMetadataSizes(metadata.getKey(), metadata.getValue());
            if (error.isPresent()) {
                return error;
            }
            if (metadata.getVersion() != 0 && metadata.getVersion() != 1) {
                return error(ERRORCODE.ERRCODE_INVALID_DATAVERSION,
                    "metadata set while creating an account must have version 0 or 1");
            }
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkSetMetadata(final OperationSetMetadata set) {
        if (set.getVersion() < 0) {
            return error(ERRORCODE.ERRCODE_INVALID_DATAVERSION, "version must not be negative");
        }
        return checkMetadataSizes(set.getKey(), set.getValue());
    }

    private static Optional<LedgerError> checkMetadataSizes(final String key, final String value) {
        final int keyBytes = utf8Length(key);
        if (keyBytes == 0 || keyBytes > Limits.MAX_METADATA_KEY_BYTES) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "metadata key length must be between 1 and " + Limits.MAX_METADATA_KEY_BYTES + " bytes, was " + keyBytes);
        }
        final int valueBytes = utf8Length(value);
        if (valueBytes > Limits.MAX_METADATA_VALUE_BYTES) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "metadata value is " + valueBytes + " bytes; at most " + Limits.MAX_METADATA_VALUE_BYTES + " are allowed");
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkSetSignerWeight(final OperationSetSignerWeight set, final String source) {
        if (set.getMasterWeight() < -1 || set.getMasterWeight() > Limits.MAX_WEIGHT) {
            return error(ERRORCODE.ERRCODE_WEIGHT_NOT_VALID,
                "master_weight must be between -1 (unchanged) and " + Limits.MAX_WEIGHT);
        }
        return checkSigners(set.getSignersList(), source);
    }

    private static Optional<LedgerError> checkSetThreshold(final OperationSetThreshold set) {
        if (set.getTxThreshold() < -1) {
            return error(ERRORCODE.ERRCODE_THRESHOLD_NOT_VALID, "tx_threshold must be -1 (unchanged) or more");
        }
        return checkTypeThresholds(set.getTypeThresholdsList());
    }

    private static Optional<LedgerError> checkPayCoin(final OperationPayCoin pay, final String source) {
        if (pay.getAmount() < 0) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "amount must not be negative");
        }
        if (pay.getDestAddress().equals(source)) {
            return error(ERRORCODE.ERRCODE_ACCOUNT_SOURCEDEST_EQUAL, "source and dest_address are the same account");
        }
        if (!isAddress(pay.getDestAddress())) {
            return error(ERRORCODE.ERRCODE_INVALID_ADDRESS,
                "dest_address '" + pay.getDestAddress() + "' is not a valid BID address");
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkLog(final OperationLog log) {
        final int topicBytes = utf8Length(log.getTopic());
        if (topicBytes == 0 || topicBytes > Limits.MAX_LOG_TOPIC_BYTES) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                "log topic length must be between 1 and " + Limits.MAX_LOG_TOPIC_BYTES + " bytes");
        }
        for (final String data : log.getDatasList()) {
            final int dataBytes = utf8Length(data);
            if (dataBytes == 0 || dataBytes > Limits.MAX_LOG_DATA_BYTES) {
                return error(ERRORCODE.ERRCODE_INVALID_PARAMETER,
                    "each log datum must be between 1 and " + Limits.MAX_LOG_DATA_BYTES + " bytes");
            }
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkSetPrivilege(final OperationSetPrivilege set, final String source) {
        if (!set.getMasterWeight().isEmpty()) {
            final Optional<Long> weight = parseLong(set.getMasterWeight());
            if (weight.isEmpty() || weight.get() < 0 || weight.get() > Limits.MAX_WEIGHT) {
                return error(ERRORCODE.ERRCODE_WEIGHT_NOT_VALID,
                    "master_weight '" + set.getMasterWeight() + "' must be an integer between 0 and " + Limits.MAX_WEIGHT);
            }
        }
        final Optional<LedgerError> signersError = checkSigners(set.getSignersList(), source);
        if (signersError.isPresent()) {
            return signersError;
        }
        if (!set.getTxThreshold().isEmpty()) {
            final Optional<Long> threshold = parseLong(set.getTxThreshold());
            if (threshold.isEmpty() || threshold.get() < 0) {
                return error(ERRORCODE.ERRCODE_THRESHOLD_NOT_VALID,
                    "tx_threshold '" + set.getTxThreshold() + "' must be a non-negative integer");
            }
        }
        return checkTypeThresholds(set.getTypeThresholdsList());
    }

    private static Optional<LedgerError> checkSetControlledArea(final Operation operation) {
        final String dest = operation.getSetControlledArea().getDestAddress();
        if (!isAddress(dest)) {
            return error(ERRORCODE.ERRCODE_INVALID_ADDRESS, "dest_address '" + dest + "' is not a valid BID address");
        }
        for (final KeyPair attribute : operation.getSetControlledArea().getAttributesList()) {
            final Optional<LedgerError> error = checkMetadataSizes(attribute.getKey(), attribute.getValue());
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkSigners(final List<Signer> signers, final String source) {
        if (signers.size() > Limits.MAX_SIGNERS) {
            return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "at most " + Limits.MAX_SIGNERS + " signers are allowed");
        }
        final Set<String> seen = new HashSet<>();
        for (final Signer signer : signers) {
            if (signer.getWeight() < 0 || signer.getWeight() > Limits.MAX_WEIGHT) {
                return error(ERRORCODE.ERRCODE_WEIGHT_NOT_VALID, "signer weight must be between 0 and " + Limits.MAX_WEIGHT);
            }
            if (signer.getAddress().equals(source)) {
                return error(ERRORCODE.ERRCODE_INVALID_ADDRESS,
                    "a signer cannot be the source account itself; use master_weight");
            }
            if (!isAddress(signer.getAddress())) {
                return error(ERRORCODE.ERRCODE_INVALID_ADDRESS,
                    "signer address '" + signer.getAddress() + "' is not a valid BID address");
            }
            if (!seen.add(signer.getAddress())) {
                return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "signer " + signer.getAddress() + " is listed twice");
            }
        }
        return Optional.empty();
    }

    private static Optional<LedgerError> checkTypeThresholds(final List<OperationTypeThreshold> thresholds) {
        final Set<Integer> seen = new HashSet<>();
        for (final OperationTypeThreshold threshold : thresholds) {
            final int type = threshold.getTypeValue();
            if (type <= 0 || type > Limits.MAX_OPERATION_TYPE) {
                return error(ERRORCODE.ERRCODE_THRESHOLD_NOT_VALID, "operation type " + type + " is not supported");
            }
            if (threshold.getThreshold() < 0) {
                return error(ERRORCODE.ERRCODE_THRESHOLD_NOT_VALID, "a type threshold must not be negative");
            }
            if (!seen.add(type)) {
                return error(ERRORCODE.ERRCODE_INVALID_PARAMETER, "operation type " + type + " is listed twice");
            }
        }
        return Optional.empty();
    }

    static boolean isAddress(final String address) {
        return Address.tryParse(address).isPresent();
    }

    private static Optional<Long> parseLong(final String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (final NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int utf8Length(final String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Optional<LedgerError> error(final ERRORCODE code, final String message) {
        return Optional.of(new LedgerError(code, message));
    }
}
