package ca.gouv.qc.declarationsia.notification;

/**
 * Work more urgent than mail, which the scheduled dispatcher lets finish before it sends (a campaign's launch: every
 * body's task first, then the invitations the launch queued). Asked at the start of each round and every few mails
 * within it; a mail queued meanwhile waits in the outbox, never lost. Mail dispatched by hand does not ask.
 */
public interface MailDispatchYield {

    /** Whether the dispatcher should stop sending for now (a cheap read: asked every few mails). */
    boolean urgentWorkPending();
}
