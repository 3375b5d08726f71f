package org.banyan.sdk;

import java.util.List;

/** One page of a {@code getTransactionHistory} answer and how many transactions match in all. */
record HistoryPage(List<TransactionRecord> records, long totalCount) {

    /** Copies the records. */
    HistoryPage {
        records = List.copyOf(records);
    }
}
