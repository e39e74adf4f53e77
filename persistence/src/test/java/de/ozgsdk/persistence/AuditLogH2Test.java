package de.ozgsdk.persistence;

class AuditLogH2Test extends AuditLogContract {

    @Override
    DatabaseFixture createFixture() {
        return DatabaseFixture.h2();
    }
}
