package ca.gouv.qc.declarationsia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's deferred rows are written once, together, when its work is done; never outside a batch or after a failure. */
class BatchWritesTest {

    private final List<String> written = new ArrayList<>();

    @Test
    void outside_a_batch_nothing_waits() {
        assertThat(BatchWrites.defer("mail", "a", written::addAll)).isFalse();
        assertThat(written).isEmpty();
    }

    @Test
    void a_batch_writes_each_kind_together_at_its_end_in_the_order_first_deferred() {
        List<String> links = new ArrayList<>();
        BatchWrites.run(() -> {
            assertThat(BatchWrites.defer("mail", "a", rows -> written.add("mails " + rows))).isTrue();
            BatchWrites.defer("link", "x", rows -> written.add("links " + rows));
            BatchWrites.run(() -> BatchWrites.defer("mail", "b", rows -> written.add("mails again " + rows)));
            assertThat(written).as("nothing before the end").isEmpty();
        });
        assertThat(written).containsExactly("mails [a, b]", "links [x]");
        assertThat(BatchWrites.defer("mail", "c", links::addAll)).as("the batch is over").isFalse();
    }

    @Test
    void a_batch_that_fails_writes_nothing() {
        assertThatThrownBy(() -> BatchWrites.run(() -> {
            BatchWrites.defer("mail", "a", written::addAll);
            throw new IllegalStateException("a body failed");
        })).hasMessage("a body failed");
        assertThat(written).isEmpty();
        assertThat(BatchWrites.defer("mail", "b", written::addAll)).isFalse();
    }
}
