package ca.gouv.qc.declarationsia.shared.web;

/**
 * The page a list was asked for, as typed in an address: a page number is never worth an error page, so anything
 * that is not a page (empty, negative, a word, a number too large for an int) means the first page, and the list
 * then shows its last page when asked beyond it.
 */
public final class PageNumber {

    private PageNumber() {
    }

    /** From 1. */
    public static int of(String requested) {
        if (requested == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(requested.trim()));
        } catch (NumberFormatException notAPage) {
            return requested.trim().matches("\\d+") ? Integer.MAX_VALUE : 1;
        }
    }

    /** The page to show, from 1: the one asked for, or the last when there are fewer. */
    public static int within(int requested, long total, int size) {
        long pages = Math.max(1, (total + size - 1) / size);
        return (int) Math.min(Math.max(1, requested), pages);
    }
}
