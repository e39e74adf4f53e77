package de.ozgsdk.persistence;

class OutboxH2Test extends OutboxContract {

    @Override
    DatabaseFixture createFixture() {
        return DatabaseFixture.h2();
    }
}
