package dev.kehu.crm.outbox;

/**
 * What one delivery run did: messages delivered, failed and to be tried again, failed for the last time
 * (dead-lettered), and skipped because another relay had claimed them.
 */
public record DeliveryReport(int delivered, int retrying, int dead, int skipped) {
    public static final DeliveryReport NONE = new DeliveryReport(0, 0, 0, 0);

    DeliveryReport plus(DeliveryReport other) {
        return new DeliveryReport(delivered + other.delivered, retrying + other.retrying, dead + other.dead,
                skipped + other.skipped);
    }
}
